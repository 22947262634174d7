using OmniGraph.Schema.Migration;

namespace OmniGraph.Schema.Tests.Migration;

/// <summary>
/// The planner's side of soft drops (docs/schema-language.md, "Soft and hard drops"): a <c>@rename_from</c> naming a
/// softly dropped type or property plans its restore; <c>--allow-data-loss</c> releases what is not restored; a hint
/// that names nothing accepted or dropped is still <c>schema_rename_unknown</c>.
/// </summary>
public sealed class SchemaRestorePlannerTests
{
    private const string Accepted = """
        node Person {
            name: String @key
        }
        """;

    private static readonly SchemaCatalog s_accepted = SchemaCatalog.Compile(Accepted);

    private static readonly SchemaDroppedMember[] s_dropped =
    [
        new("node", "Company", 7, null),
        new("node", "Person", 1, "age"),
    ];

    private static string[] Lines(SchemaMigrationPlan plan) => [.. plan.Steps.Select(static s => s.Describe())];

    [Fact]
    public void RenameFromADroppedTypeOrProperty_PlansItsRestore()
    {
        var plan = SchemaMigrationPlanner.Plan(s_accepted, """
            node Person {
                name: String @key
                age: I32? @rename_from("age")
            }

            node Company @rename_from("Company") {
                name: String @key
            }
            """, dropped: s_dropped);

        Assert.True(plan.Supported);
        Assert.Equal(["restore_type node Company (from the dropped Company)", "restore_property Person.age (from the dropped age)"], Lines(plan));
        Assert.Equal(s_dropped[0], plan.Steps[0].Dropped);
        Assert.Equal(s_dropped[1], plan.Steps[1].Dropped);
    }

    [Fact]
    public void AllowDataLoss_ReleasesWhatIsNotRestored()
    {
        var plan = SchemaMigrationPlanner.Plan(s_accepted, """
            node Person {
                name: String @key
                age: I32? @rename_from("age")
            }
            """, allowDataLoss: true, dropped: s_dropped);

        Assert.Equal(["restore_property Person.age (from the dropped age)", "release_dropped node Company"], Lines(plan));
        Assert.Empty(SchemaMigrationPlanner.Plan(s_accepted, Accepted, allowDataLoss: false, dropped: s_dropped).Steps);
    }

    [Fact]
    public void ReAddedWithoutAHint_IsANewType_AndAnUnknownHintIsStillAnError()
    {
        var plan = SchemaMigrationPlanner.Plan(s_accepted, Accepted + "\nnode Company {\n    name: String @key\n}\n", dropped: s_dropped);
        Assert.Equal(["add_type node Company"], Lines(plan));

        var error = Assert.Throws<OmniGraphException>(() => SchemaMigrationPlanner.Plan(s_accepted, Accepted + "\nnode Firm @rename_from(\"Corp\") {\n    name: String @key\n}\n", dropped: s_dropped));
        Assert.Equal(ErrorCodes.SchemaRenameUnknown, error.Code);

        // A property is restored on the type it was dropped from, by identity: not on another type.
        var elsewhere = Assert.Throws<OmniGraphException>(() => SchemaMigrationPlanner.Plan(s_accepted, """
            node Person {
                name: String @key
            }

            node Company @rename_from("Company") {
                name: String @key
                age: I32? @rename_from("age")
            }
            """, dropped: s_dropped));
        Assert.Equal(ErrorCodes.SchemaRenameUnknown, elsewhere.Code);
    }
}
