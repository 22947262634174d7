using OmniGraph.Schema.Ir;

namespace OmniGraph.Schema.Tests.Ir;

/// <summary>
/// Stable ids: minted in declaration order for a fresh schema; kept by name or <c>@rename_from</c> against
/// a previously accepted IR; never reused (languages.md §1.9 builds on this).
/// </summary>
public sealed class StableIdentityTests
{
    private static Dictionary<string, ulong> Ids(SchemaCatalog catalog)
    {
        var ids = new Dictionary<string, ulong>();
        foreach (var type in catalog.Interfaces.Cast<SchemaType>().Concat(catalog.NodeTypes).Concat(catalog.EdgeTypes))
        {
            ids[type.DisplayName] = type.StableId;
            foreach (var property in type.Properties)
            {
                ids[$"{type.DisplayName}.{property.Name}"] = property.StableId;
            }
        }

        return ids;
    }

    [Fact]
    public void FreshIdsFollowFileOrder()
    {
        var catalog = Fixture.Compile("test.pg");
        Assert.Equal(
            new Dictionary<string, ulong>
            {
                ["node Person"] = 1, ["node Person.name"] = 2, ["node Person.age"] = 3,
                ["node Company"] = 4, ["node Company.name"] = 5,
                ["edge Knows"] = 6, ["edge Knows.since"] = 7,
                ["edge WorksAt"] = 8,
            },
            Ids(catalog));
        Assert.Equal(9ul, catalog.NextStableId);
    }

    [Fact]
    public void FreshIdsFollowInterleavedDeclarationOrder()
    {
        var ids = Ids(SchemaCatalog.Compile("edge E: A -> A { w: I32 }\ninterface I { x: String }\nnode A implements I { y: I32 }"));
        Assert.Equal([1ul, 2, 3, 4, 5, 6, 7], new[] { ids["edge E"], ids["edge E.w"], ids["interface I"], ids["interface I.x"], ids["node A"], ids["node A.y"], ids["node A.x"] });
    }

    [Fact]
    public void RecompilingAgainstItsOwnIrChangesNothing()
    {
        var catalog = Fixture.Compile("example.pg");
        var again = SchemaCatalog.Compile(Fixture.Read("example.pg"), catalog.ToIr());
        Assert.Equal(catalog.ContentHash, again.ContentHash);
    }

    [Fact]
    public void NewDeclarationsAreMintedAboveThePreviousHighWaterMark()
    {
        var v1 = Fixture.Compile("test.pg");
        var v2 = SchemaCatalog.Compile(Fixture.Read("test.pg") + "\nnode Tag { label: String }\n", v1.ToIr());
        var ids = Ids(v2);
        Assert.Equal(Ids(v1), ids.Where(kv => !kv.Key.StartsWith("node Tag", StringComparison.Ordinal)).ToDictionary());
        Assert.Equal(9ul, ids["node Tag"]);
        Assert.Equal(10ul, ids["node Tag.label"]);
        Assert.Equal(11ul, v2.NextStableId);
    }

    [Fact]
    public void TypeRenameKeepsIdentityOfTypeAndProperties()
    {
        var v1 = SchemaCatalog.Compile("node User { handle: String @key  bio: String? }");
        var v2 = SchemaCatalog.Compile("node Account @rename_from(\"User\") { handle: String @key  bio: String? }", v1.ToIr());
        Assert.Equal(Ids(v1).Values, Ids(v2).Values);
        Assert.Equal(v1.GetNodeType("User").StableId, v2.GetNodeType("Account").StableId);
        Assert.Equal(v1.NextStableId, v2.NextStableId);
    }

    [Fact]
    public void PropertyRenameKeepsIdentity()
    {
        var v1 = SchemaCatalog.Compile("node User { handle: String @key  bio: String? }");
        var v2 = SchemaCatalog.Compile("node User { handle: String @key  about: String? @rename_from(\"bio\") }", v1.ToIr());
        Assert.Equal(v1.GetNodeType("User").GetProperty("bio").StableId, v2.GetNodeType("User").GetProperty("about").StableId);
    }

    [Fact]
    public void EdgeAndInterfacePropertyRenames()
    {
        var v1 = SchemaCatalog.Compile("interface I { a: String }\nnode N implements I {}\nedge Likes: N -> N { since: Date? }");
        var v2 = SchemaCatalog.Compile(
            "interface I { b: String @rename_from(\"a\") }\nnode N implements I {}\nedge Fans: N -> N @rename_from(\"Likes\") { from_date: Date? @rename_from(\"since\") }",
            v1.ToIr());
        var before = Ids(v1);
        var after = Ids(v2);
        Assert.Equal(before["interface I.a"], after["interface I.b"]);
        Assert.Equal(before["edge Likes"], after["edge Fans"]);
        Assert.Equal(before["edge Likes.since"], after["edge Fans.from_date"]);

        // The node's injected copy carries the interface property's hint, so the node's column keeps its identity too.
        Assert.Equal(before["node N.a"], after["node N.b"]);
    }

    [Fact]
    public void NameMatchesWinOverRenameHints()
    {
        var v1 = SchemaCatalog.Compile("node A {}");
        var v2 = SchemaCatalog.Compile("node B @rename_from(\"A\") {}\nnode A {}", v1.ToIr());
        Assert.Equal(v1.GetNodeType("A").StableId, v2.GetNodeType("A").StableId);
        Assert.Equal(v1.NextStableId, v2.GetNodeType("B").StableId);
    }

    [Fact]
    public void FirstRenameHintInFileOrderWins()
    {
        var v1 = SchemaCatalog.Compile("node A {}");
        var v2 = SchemaCatalog.Compile("node X @rename_from(\"A\") {}\nnode Y @rename_from(\"A\") {}", v1.ToIr());
        Assert.Equal(v1.GetNodeType("A").StableId, v2.GetNodeType("X").StableId);
        Assert.NotEqual(v1.GetNodeType("A").StableId, v2.GetNodeType("Y").StableId);
    }

    [Fact]
    public void HintsThatMatchNothingOrCrossKindsMintNewIds()
    {
        var v1 = SchemaCatalog.Compile("node Person {}");
        var v2 = SchemaCatalog.Compile("node Person {}\nnode Ghost @rename_from(\"Nobody\") {}\nedge Person2: Person -> Person @rename_from(\"Person\")", v1.ToIr());
        Assert.Equal(v1.NextStableId, v2.GetNodeType("Ghost").StableId);
        Assert.Equal(v1.NextStableId + 1, v2.GetEdgeType("Person2").StableId);
    }

    [Fact]
    public void DroppedIdsAreNeverReused()
    {
        var v1 = SchemaCatalog.Compile("node A {}\nnode B { x: I32 }");
        var v2 = SchemaCatalog.Compile("node A {}", v1.ToIr());
        Assert.Equal(v1.NextStableId, v2.NextStableId);
        var v3 = SchemaCatalog.Compile("node A {}\nnode B { x: I32 }", v2.ToIr());
        Assert.NotEqual(v1.GetNodeType("B").StableId, v3.GetNodeType("B").StableId);
        Assert.True(v3.GetNodeType("B").StableId >= v1.NextStableId);
    }

    [Fact]
    public void PropertiesDoNotMoveBetweenOwners()
    {
        var v1 = SchemaCatalog.Compile("node A { x: I32 }\nnode B {}");
        var v2 = SchemaCatalog.Compile("node A {}\nnode B { x: I32 @rename_from(\"x\") }", v1.ToIr());
        Assert.NotEqual(v1.GetNodeType("A").GetProperty("x").StableId, v2.GetNodeType("B").GetProperty("x").StableId);
    }

    [Fact]
    public void CompositeKeyComponentsFollowStableIdsAcrossRenames()
    {
        var v1 = SchemaCatalog.Compile("node T { a: String  b: String  @key(a, b) }");
        var v2 = SchemaCatalog.Compile("node T { b: String  c: String @rename_from(\"a\")  @key(b, c) }", v1.ToIr());
        Assert.Equal(["c", "b"], v2.GetNodeType("T").KeyProperties.Select(p => p.Name));
    }

    [Fact]
    public void IdsSurviveTheIrRoundTripAndFeedTheNextVersion()
    {
        var v1 = Fixture.Compile("example.pg");
        var stored = SchemaIrSerializer.Deserialize(SchemaIrSerializer.Serialize(v1.ToIr(), indented: true));
        var v2 = SchemaCatalog.Compile(Fixture.Read("example.pg")
            .Replace("node Person {", "node Human @rename_from(\"Person\") {", StringComparison.Ordinal)
            .Replace("-> Person", "-> Human", StringComparison.Ordinal)
            .Replace("Follows: Person", "Follows: Human", StringComparison.Ordinal), stored);
        Assert.Equal(v1.GetNodeType("Person").StableId, v2.GetNodeType("Human").StableId);
        Assert.Same(v2.GetNodeType("Human"), v2.GetEdgeType("AuthoredBy").To);
    }
}
