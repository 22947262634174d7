using OmniGraph.Schema.Migration;

namespace OmniGraph.Schema.Tests.Migration;

/// <summary>
/// The planner and <c>@default</c>: a required property with a default is an <c>add_property</c> step, one without stays
/// <c>OG-MF-103</c>, and adding, changing or removing a default is <c>update_property_metadata</c> (nothing stored changes).
/// </summary>
public sealed class SchemaDefaultPlannerTests
{
    private const string Base = """
        node Person {
            name: String @key
            age: I32?
            tier: I32 @default(1)
        }
        """;

    private static readonly SchemaCatalog s_accepted = SchemaCatalog.Compile(Base);

    private static SchemaMigrationPlan Plan(string from, string to) =>
        SchemaMigrationPlanner.Plan(s_accepted, Base.Replace(from, to, StringComparison.Ordinal), allowDataLoss: false);

    [Fact]
    public void ARequiredPropertyWithADefaultIsAdded()
    {
        var plan = Plan("age: I32?", "age: I32?\n    status: enum(active, gone) @default(active)\n    tags: [String] @default([\"new\"])");

        Assert.True(plan.Supported);
        Assert.Equal(["add_property Person.status", "add_property Person.tags"], plan.Steps.Select(static s => s.Describe()));
        Assert.Equal(s_accepted.NextStableId, plan.Desired.GetNodeType("Person").GetProperty("status").StableId);
        Assert.Equal(s_accepted.GetNodeType("Person").GetProperty("age").StableId, plan.Desired.GetNodeType("Person").GetProperty("age").StableId);
    }

    [Fact]
    public void ARequiredPropertyWithoutADefaultStaysOgMf103()
    {
        var step = Assert.Single(Plan("age: I32?", "age: I32?\n    email: String").Steps);

        Assert.Equal(SchemaMigrationStepKind.UnsupportedChange, step.Kind);
        Assert.Equal("OG-MF-103", step.Code);
        Assert.Contains("give it a @default(…) or declare it nullable (String?)", step.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tier: I32 @default(1)", "tier: I32 @default(2)")]
    [InlineData("tier: I32 @default(1)", "tier: I32")]
    [InlineData("age: I32?", "age: I32? @default(18)")]
    public void AChangedDefaultIsMetadata(string from, string to)
    {
        var plan = Plan(from, to);

        Assert.True(plan.Supported);
        Assert.Equal(SchemaMigrationStepKind.UpdatePropertyMetadata, Assert.Single(plan.Steps).Kind);
        Assert.NotEqual(s_accepted.ContentHash, plan.Desired.ContentHash);
    }

    [Fact]
    public void ARequiredRestoreIsUnsupported()
    {
        var accepted = SchemaCatalog.Compile("node Person {\n    name: String @key\n}\n");
        SchemaDroppedMember[] dropped = [new("node", "Person", accepted.GetNodeType("Person").StableId, "age")];

        var plan = SchemaMigrationPlanner.Plan(accepted, "node Person {\n    name: String @key\n    age: I32 @default(0) @rename_from(\"age\")\n}\n", dropped: dropped);

        Assert.False(plan.Supported);
        Assert.Contains("restoring dropped property 'Person.age' as a required property is not supported", Assert.Single(plan.Steps).Reason, StringComparison.Ordinal);
        Assert.True(SchemaMigrationPlanner.Plan(accepted, "node Person {\n    name: String @key\n    age: I32? @default(0) @rename_from(\"age\")\n}\n", dropped: dropped).Supported);
    }
}
