namespace OmniGraph.Schema.Tests.Catalog;

/// <summary>The fixtures of languages.md §7 and the benchmark schema compile to the documented shapes.</summary>
public sealed class FixtureSchemaTests
{
    [Fact]
    public void TestFixture()
    {
        var catalog = Fixture.Compile("test.pg");
        Assert.Equal(["Person", "Company"], catalog.NodeTypes.Select(n => n.Name));
        Assert.Equal(["Knows", "WorksAt"], catalog.EdgeTypes.Select(e => e.Name));
        var person = catalog.GetNodeType("Person");
        Assert.Equal(["name: String", "age: I32?"], person.Properties.Select(p => p.ToString()));
        Assert.Equal(["name"], person.KeyProperties.Select(p => p.Name));
        Assert.Equal("since: Date?", catalog.GetEdgeType("Knows").Properties.Single().ToString());
        Assert.Empty(catalog.GetEdgeType("WorksAt").Properties);
    }

    [Fact]
    public void SearchFixture()
    {
        var doc = Fixture.Compile("search.pg").GetNodeType("Doc");
        Assert.Equal(["slug", "title", "body", "embedding"], doc.Properties.Select(p => p.Name));
        Assert.Equal(4, doc.GetProperty("embedding").Type.VectorDimension);
        Assert.Equal(["title", "body"], doc.IndexConstraints.Select(i => i.Columns.Single()));
    }

    [Fact]
    public void SignalsFixture()
    {
        var catalog = Fixture.Compile("signals.pg");
        Assert.Equal(4, catalog.NodeTypes.Length);
        Assert.All(catalog.NodeTypes, n => Assert.Equal(["slug"], n.KeyProperties.Select(p => p.Name)));
        Assert.Equal(6, catalog.EdgeTypes.Length);
        Assert.Equal("String?", catalog.GetEdgeType("FundedBy").GetProperty("amount").Type.DisplayName);
        var partners = catalog.GetEdgeType("PartnersWith");
        Assert.Same(partners.From, partners.To);
        Assert.Equal("Date?", catalog.GetNodeType("Signal").GetProperty("observed").Type.DisplayName);
        Assert.Equal("enum(growth, public, seed, series-a, series-b)", catalog.GetNodeType("Company").GetProperty("stage").Type.DisplayName);
    }

    [Fact]
    public void ContextFixture()
    {
        var catalog = Fixture.Compile("context.pg");
        Assert.Equal(["Actor", "Signal", "Artifact", "Decision", "Trace"], catalog.NodeTypes.Select(n => n.Name));
        Assert.Equal<string>(["email"], catalog.GetNodeType("Actor").UniqueConstraints.Single().Columns);
        foreach (var name in new[] { "OwnedBy", "RecordedBy", "AuthoredBy" })
        {
            Assert.Equal(new EdgeCardinality(1, 1), catalog.GetEdgeType(name).Cardinality);
        }

        foreach (var name in new[] { "Correlates", "Supersedes" })
        {
            Assert.Equal<string>(["src", "dst"], catalog.GetEdgeType(name).UniqueConstraints.Single().Columns);
        }
    }

    [Fact]
    public void BenchmarkSchema()
    {
        var catalog = Fixture.Compile("bench.pg");
        var person = catalog.GetNodeType("Person");
        Assert.Equal(["id_str", "name", "age", "city", "joined", "score"], person.Properties.Select(p => p.Name));
        Assert.All(person.Properties, p => Assert.False(p.IsNullable));
        Assert.Equal(["id_str"], person.KeyProperties.Select(p => p.Name));
        Assert.Equal(["cname"], catalog.GetNodeType("Company").KeyProperties.Select(p => p.Name));
        Assert.Equal("since: I32", catalog.GetEdgeType("Knows").Properties.Single().ToString());
    }
}
