using OmniGraph.Ingest.Tests.Support;
using OmniGraph.Schema;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Ingest.Tests.Fixtures;

/// <summary>The spec's shared fixtures and the batch-only parts of the load acceptance cases (AC-32, AC-33, AC-36).</summary>
public sealed class FixtureLoadTests
{
    [Fact]
    public void TestData_LoadsKeyedNodesAndEdges()
    {
        var run = IntakeRun.Load(Schemas.Test, AcceptanceFixtures.TestData);

        Assert.Equal(["Alice", "Bob", "Charlie", "Diana"], run.Ids("node:Person"));
        Assert.Equal([30, 25, 35, 28], run.Values("node:Person", "age"));
        Assert.Equal(["Acme", "Globex"], run.Ids("node:Company"));
        Assert.Equal(["Alice", "Alice", "Bob"], run.Values("edge:Knows", "src"));
        Assert.Equal(["Bob", "Charlie", "Diana"], run.Values("edge:Knows", "dst"));
        Assert.Equal([null, null, null], run.Values("edge:Knows", "since"));
        Assert.Equal(["Acme", "Globex"], run.Values("edge:WorksAt", "dst"));

        // AC-22: edge ids are distinct non-empty strings.
        var edgeIds = run.Ids("edge:Knows").Concat(run.Ids("edge:WorksAt")).ToList();
        Assert.Equal(5, edgeIds.Distinct().Count());
        Assert.All(edgeIds, id => Assert.False(string.IsNullOrEmpty(id)));

        Assert.Equal([new TypeEntityCount("Company", 2), new TypeEntityCount("Person", 4)], run.Result.Nodes.ToArray());
        Assert.Equal([new TypeEntityCount("Knows", 3), new TypeEntityCount("WorksAt", 2)], run.Result.Edges.ToArray());
        Assert.Equal(11, run.Result.TotalEntities);
        Assert.True(run.Summary("node:Person").Ids.Contains("Charlie"));
    }

    [Fact]
    public void SearchData_LoadsVectors()
    {
        var run = IntakeRun.Load(Schemas.Search, AcceptanceFixtures.SearchData);

        Assert.Equal(["ml-intro", "dl-basics", "nlp-guide", "cv-overview", "rl-intro"], run.Ids("node:Doc"));
        Assert.Equal(new[] { 0.1f, 0.2f, 0.3f, 0.4f }, run.Values("node:Doc", "embedding")[0]);
        Assert.Equal("Deep Learning Basics", run.Values("node:Doc", "title")[1]);
    }

    [Fact]
    public void MetricData_LoadsEveryScalarType()
    {
        var run = IntakeRun.Load(Schemas.Metric, AcceptanceFixtures.MetricData);

        Assert.Equal(["alpha one", "alps", "beta ray", null], run.Values("node:Metric", "label"));
        Assert.Equal([2.5, 1.0, 3.0, 0.5], run.Values("node:Metric", "score"));
        Assert.Equal([0.5f, 0.25f, 0.75f, 0.1f], run.Values("node:Metric", "ratio"));
        Assert.Equal([true, false, true, false], run.Values("node:Metric", "active"));
        Assert.Equal([19875, 19358, 20089, 19357], run.Values("node:Metric", "born"));
        Assert.Equal([1717243200000L, 1672531200000L, 1735689600000L, 1640995200000L], run.Values("node:Metric", "seen"));
        Assert.Equal(["m1", "m1", "m3"], run.Values("edge:Tagged", "src"));
    }

    /// <summary>AC-33: explicit ids of unkeyed nodes and edges are kept as given.</summary>
    [Fact]
    public void ExplicitIds_OfUnkeyedNodesAndEdges_AreKept()
    {
        var catalog = SchemaCatalog.Compile("node Note { text: String }  edge References: Note -> Note");
        var run = IntakeRun.Load(catalog, """
            {"type":"Note","data":{"id":"note-1","text":"Alpha"}}
            {"type":"Note","data":{"id":"note-2","text":"Beta"}}
            {"edge":"References","from":"note-1","to":"note-2","data":{"id":"edge-1"}}
            """);

        Assert.Equal(["note-1", "note-2"], run.Ids("node:Note"));
        Assert.Equal(["edge-1"], run.Ids("edge:References"));
        Assert.Equal(["note-1"], run.Values("edge:References", "src"));
        Assert.Equal(["note-2"], run.Values("edge:References", "dst"));
    }

    /// <summary>AC-33: the intake does not check edge endpoints (the engine does, against the post-write image), so edges may precede their nodes.</summary>
    [Fact]
    public void EdgesMayPrecedeOrLackTheirNodes()
    {
        var run = IntakeRun.Load(Schemas.Test, """
            {"edge":"Knows","from":"Carol","to":"Carol"}
            {"type":"Person","data":{"name":"Carol"}}
            {"edge":"Knows","from":"Alice","to":"NonExistent"}
            """);

        Assert.Equal(2, run.Summary("edge:Knows").RowCount);
    }

    /// <summary>AC-36: an omitted optional vector is null; a present one is stored.</summary>
    [Fact]
    public void OptionalVector_OmittedIsNull()
    {
        var catalog = SchemaCatalog.Compile("node Doc { slug: String @key  embedding: Vector(2)? }");
        var run = IntakeRun.Load(catalog, """
            {"type":"Doc","data":{"slug":"a"}}
            {"type":"Doc","data":{"slug":"b","embedding":[1.0,2.0]}}
            """);

        Assert.Equal([null, new[] { 1f, 2f }], run.Values("node:Doc", "embedding"));
    }

    /// <summary>AC-32: merge replaces whole rows, so the batch must tell an empty string from an omitted (null) value.</summary>
    [Fact]
    public void EmptyStringAndOmitted_AreDistinct()
    {
        var catalog = SchemaCatalog.Compile("node Note { slug: String @key  body: String? }  edge Refs: Note -> Note { label: String? }");
        var run = IntakeRun.Load(catalog, """
            {"type":"Note","data":{"slug":"note-a","body":""}}
            {"type":"Note","data":{"slug":"note-b"}}
            {"type":"Note","data":{"slug":"note-c","body":"same"}}
            {"edge":"Refs","from":"note-a","to":"note-b","data":{"id":"ref-1","label":"old"}}
            """, LoadMode.Merge);

        Assert.Equal(["", null, "same"], run.Values("node:Note", "body"));
        Assert.Equal(["ref-1"], run.Ids("edge:Refs"));
    }

    /// <summary>AC-36: enum and vector rules on load.</summary>
    [Fact]
    public void EnumAndVectorCases()
    {
        var people = SchemaCatalog.Compile("node Person { name: String @key  role: enum(admin, guest, member) }");
        Assert.Contains("invalid enum value 'superadmin'", IntakeRun.Fail(ErrorCodes.ConstraintViolation, people, """{"type":"Person","data":{"name":"A","role":"superadmin"}}""").Message);

        var docs = SchemaCatalog.Compile("node Doc { slug: String @key  embedding: Vector(3) }");
        Assert.Contains("elements must be numeric", IntakeRun.Fail(ErrorCodes.InvalidData, docs, """{"type":"Doc","data":{"slug":"a","embedding":[0.1,null,0.3]}}""").Message);
        Assert.Contains("elements must be numeric", IntakeRun.Fail(ErrorCodes.InvalidData, docs, """{"type":"Doc","data":{"slug":"a","embedding":[0.1,"0.2",0.3]}}""").Message);
        Assert.Contains("expects 3 dimensions, got 2", IntakeRun.Fail(ErrorCodes.InvalidData, docs, """{"type":"Doc","data":{"slug":"a","embedding":[0.1,0.2]}}""").Message);
        Assert.Single(IntakeRun.Load(docs, """{"type":"Doc","data":{"slug":"a","embedding":[0.1,0.2,0.3]}}""").Fragments);
    }

    /// <summary>The shared benchmark's generator writes <c>json.dumps</c> lines (spaces after separators); a few of them load as expected.</summary>
    [Fact]
    public void BenchmarkShapedLines_Load()
    {
        var catalog = SchemaCatalog.Compile(BenchWorkloadFixtures.Schema);
        var run = IntakeRun.Load(catalog, """
            {"type": "Company", "data": {"cname": "c0", "industry": "software"}}
            {"type": "Person", "data": {"id_str": "p0", "name": "Ada 0", "age": 58, "city": "Hanoi", "joined": "2018-03-02", "score": 63.917}}
            {"edge": "Knows", "from": "p0", "to": "p0", "data": {"since": 2003}}
            {"edge": "WorksAt", "from": "p0", "to": "c0"}
            """);

        Assert.Equal(["p0"], run.Ids("node:Person"));
        Assert.Equal([17592], run.Values("node:Person", "joined"));
        Assert.Equal([2003], run.Values("edge:Knows", "since"));
        Assert.Equal(4, run.Result.TotalEntities);
    }
}
