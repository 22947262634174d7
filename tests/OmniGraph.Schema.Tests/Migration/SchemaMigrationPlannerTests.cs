using OmniGraph.Schema.Migration;

namespace OmniGraph.Schema.Tests.Migration;

/// <summary>
/// <see cref="SchemaMigrationPlanner"/>: every supported step, every unsupported change with its reason and code, and the
/// identity rules (AC-48; docs/schema-language.md, "Changing the schema").
/// </summary>
public sealed class SchemaMigrationPlannerTests
{
    private const string Base = """
        node Person {
            name: String @key
            age: I32?
        }

        node Company {
            name: String @key
        }

        node Ticket {
            code: String @key
            status: enum(todo, doing, done)
        }

        edge Knows: Person -> Person {
            since: Date?
        }

        edge WorksAt: Person -> Company
        """;

    private static readonly SchemaCatalog s_accepted = SchemaCatalog.Compile(Base);

    private static SchemaMigrationPlan Plan(string desired, bool allowDataLoss = false) =>
        SchemaMigrationPlanner.Plan(s_accepted, desired, allowDataLoss);

    private static string[] Lines(SchemaMigrationPlan plan) => [.. plan.Steps.Select(static s => s.Describe())];

    [Fact]
    public void TheSameSchemaIsANoOp()
    {
        var plan = Plan(Base);

        Assert.True(plan.Supported);
        Assert.True(plan.IsNoOp);
        Assert.Empty(plan.Steps);
        Assert.Equal(s_accepted.ContentHash, plan.Desired.ContentHash);
    }

    [Fact]
    public void ReorderingEnumValuesIsNoStep()
    {
        Assert.Empty(Plan(Base.Replace("enum(todo, doing, done)", "enum(done, todo, doing)", StringComparison.Ordinal)).Steps);
    }

    [Fact]
    public void AddingANullablePropertyIsSupported()
    {
        var plan = Plan(Base.Replace("age: I32?", "age: I32?\n    nickname: String?", StringComparison.Ordinal));

        Assert.True(plan.Supported);
        Assert.Equal(["add_property Person.nickname"], Lines(plan));
        var step = Assert.Single(plan.Steps);
        Assert.Equal(("node", "Person", "nickname"), (step.TypeKind, step.TypeName, step.PropertyName));
    }

    [Fact]
    public void AddingARequiredPropertyIsUnsupportedWithOgMf103()
    {
        var plan = Plan(Base.Replace("age: I32?", "age: I32?\n    email: String", StringComparison.Ordinal));

        Assert.False(plan.Supported);
        var step = Assert.Single(plan.Steps);
        Assert.Equal(SchemaMigrationStepKind.UnsupportedChange, step.Kind);
        Assert.Equal("OG-MF-103", step.Code);
        Assert.Equal("Person.email", step.Entity);
        Assert.Contains("adding required property 'Person.email' requires a backfill", step.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RenamesKeepIdentity()
    {
        var plan = Plan("""
            node Human @rename_from("Person") {
                full_name: String @key @rename_from("name")
                age: I32?
            }
            node Company { name: String @key }
            node Ticket { code: String @key  status: enum(todo, doing, done) }
            edge Knows: Human -> Human { since: Date? }
            edge WorksAt: Human -> Company
            """);

        Assert.True(plan.Supported);
        Assert.Equal(["rename_type node Person -> Human", "rename_property Human.name -> full_name"], Lines(plan));
        Assert.Equal(s_accepted.GetNodeType("Person").StableId, plan.Desired.GetNodeType("Human").StableId);
        Assert.Equal(s_accepted.GetNodeType("Person").GetProperty("name").StableId, plan.Desired.GetNodeType("Human").GetProperty("full_name").StableId);
    }

    [Fact]
    public void ARenameHintThatNamesNothingIsAnError()
    {
        var error = Assert.Throws<OmniGraphException>(() => Plan(Base.Replace("node Company {", "node Firm @rename_from(\"Corp\") {", StringComparison.Ordinal)
            .Replace("Person -> Company", "Person -> Firm", StringComparison.Ordinal)));
        Assert.Equal(ErrorCodes.SchemaRenameUnknown, error.Code);
        Assert.Equal("node Firm declares @rename_from(\"Corp\") but no accepted declaration has that name", error.Message);

        var property = Assert.Throws<OmniGraphException>(() => Plan(Base.Replace("age: I32?", "years: I32? @rename_from(\"old\")", StringComparison.Ordinal)));
        Assert.Equal(ErrorCodes.SchemaRenameUnknown, property.Code);
        Assert.Contains("property Person.years declares @rename_from(\"old\")", property.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHintOnADeclarationWhoseNameMatchesIsIgnored()
    {
        Assert.Empty(Plan(Base.Replace("node Person {", "node Person @rename_from(\"Person\") {", StringComparison.Ordinal)).Steps);
    }

    [Fact]
    public void WideningAnEnumIsSupportedAndNarrowingIsNot()
    {
        var widened = Plan(Base.Replace("enum(todo, doing, done)", "enum(todo, doing, done, blocked)", StringComparison.Ordinal));
        Assert.True(widened.Supported);
        var step = Assert.Single(widened.Steps);
        Assert.Equal(SchemaMigrationStepKind.ExtendEnum, step.Kind);
        Assert.Equal(["blocked"], step.AddedValues.ToArray());

        var narrowed = Plan(Base.Replace("enum(todo, doing, done)", "enum(todo, done)", StringComparison.Ordinal));
        Assert.False(narrowed.Supported);
        Assert.Equal("OG-MF-106", Assert.Single(narrowed.Steps).Code);
    }

    [Theory]
    [InlineData("age: I32?", "age: I64?", null)]
    [InlineData("age: I32?", "age: String?", null)]
    [InlineData("age: I32?", "age: I32", null)]
    [InlineData("status: enum(todo, doing, done)", "status: String", "OG-MF-106")]
    public void ChangingAPropertyTypeIsUnsupported(string from, string to, string? code)
    {
        var plan = Plan(Base.Replace(from, to, StringComparison.Ordinal));

        Assert.False(plan.Supported);
        var step = Assert.Single(plan.Steps);
        Assert.Contains("changing property type", step.Reason, StringComparison.Ordinal);
        Assert.Equal(code, step.Code);
    }

    [Fact]
    public void NarrowingANumberCarriesOgMf106()
    {
        var accepted = SchemaCatalog.Compile("node A { k: String @key  n: I64? }");
        var step = Assert.Single(SchemaMigrationPlanner.Plan(accepted, "node A { k: String @key  n: I32? }").Steps);
        Assert.Equal(("OG-MF-106", SchemaMigrationStepKind.UnsupportedChange), (step.Code, step.Kind));
    }

    [Theory]
    [InlineData("edge WorksAt: Person -> Company", "edge WorksAt: Company -> Company", "changing the endpoints of an edge type")]
    [InlineData("edge WorksAt: Person -> Company", "edge WorksAt: Person -> Company @card(0..1)", "changing an edge's cardinality")]
    [InlineData("age: I32?", "age: I32? @unique", "@key, @unique, @range or @check")]
    [InlineData("age: I32?", "age: I32?\n    @range(age, 0..200)", "@key, @unique, @range or @check")]
    public void ShapeAndConstraintChangesAreUnsupported(string from, string to, string reason)
    {
        var plan = Plan(Base.Replace(from, to, StringComparison.Ordinal));

        Assert.False(plan.Supported);
        Assert.Contains(plan.Unsupported, s => s.Reason!.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void InterfacesCannotBeRemovedNorTheImplementsListChanged()
    {
        var accepted = SchemaCatalog.Compile("interface Named { label: String? }\nnode A implements Named { k: String @key }\nnode B { k: String @key }");

        var removed = SchemaMigrationPlanner.Plan(accepted, "node A { k: String @key  label: String? }\nnode B { k: String @key }");
        Assert.Contains(removed.Unsupported, s => s.Reason == "removing an interface is not supported");
        Assert.Contains(removed.Unsupported, s => s.Reason == "changing the implements list of a node type is not supported");

        var added = SchemaMigrationPlanner.Plan(accepted, "interface Named { label: String? }\ninterface Tagged { tag: String? }\nnode A implements Named { k: String @key }\nnode B { k: String @key }");
        Assert.True(added.Supported);
        Assert.Equal(["add_type interface Tagged"], Lines(added));
    }

    [Fact]
    public void IndexesComeAndGo()
    {
        var withIndex = Plan(Base.Replace("age: I32?", "age: I32? @index", StringComparison.Ordinal));
        Assert.True(withIndex.Supported);
        Assert.Equal(["add_constraint node Person @index(age)"], Lines(withIndex));

        var accepted = withIndex.Desired;
        var without = SchemaMigrationPlanner.Plan(accepted, Base, allowDataLoss: false);
        Assert.True(without.Supported);
        Assert.Equal(["remove_constraint node Person @index(age)"], Lines(without));
    }

    [Fact]
    public void MetadataChangesAreTheirOwnSteps()
    {
        var plan = Plan(Base.Replace("node Person {", "node Person @description(\"people\") {", StringComparison.Ordinal)
            .Replace("age: I32?", "age: I32? @description(\"years\")", StringComparison.Ordinal));

        Assert.True(plan.Supported);
        Assert.Equal(["update_type_metadata node Person", "update_property_metadata Person.age"], Lines(plan));
    }

    [Fact]
    public void DropsAreSoftUnlessDataLossIsAllowed()
    {
        var desired = Base.Replace("node Company {\n    name: String @key\n}", string.Empty, StringComparison.Ordinal)
            .Replace("edge WorksAt: Person -> Company", string.Empty, StringComparison.Ordinal)
            .Replace("age: I32?", string.Empty, StringComparison.Ordinal);

        Assert.Equal(["drop_property Person.age (soft)", "drop_type node Company (soft)", "drop_type edge WorksAt (soft)"], Lines(Plan(desired)));
        Assert.Equal(["drop_property Person.age (hard)", "drop_type node Company (hard)", "drop_type edge WorksAt (hard)"], Lines(Plan(desired, allowDataLoss: true)));
    }

    [Fact]
    public void ADroppedAndReAddedTypeIsANewIdentity()
    {
        var dropped = SchemaMigrationPlanner.Plan(s_accepted, Base.Replace("node Company {\n    name: String @key\n}", string.Empty, StringComparison.Ordinal)
            .Replace("edge WorksAt: Person -> Company", string.Empty, StringComparison.Ordinal));
        var readded = SchemaMigrationPlanner.Plan(dropped.Desired, Base);

        Assert.Equal(["add_type node Company", "add_type edge WorksAt"], Lines(readded));
        Assert.NotEqual(s_accepted.GetNodeType("Company").StableId, readded.Desired.GetNodeType("Company").StableId);
    }

    [Fact]
    public void UnsupportedPlansAreRefusedWithEveryReason()
    {
        var plan = Plan(Base.Replace("age: I32?", "age: I64?\n    email: String", StringComparison.Ordinal));
        var error = SchemaMigrationErrors.Unsupported(plan);

        Assert.Equal(ErrorCodes.SchemaChangeUnsupported, error.Code);
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains("changing property type of 'Person.age' from I32? to I64?", error.Message, StringComparison.Ordinal);
        Assert.Contains("[OG-MF-103] Person.email", error.Message, StringComparison.Ordinal);
    }
}
