using OmniGraph.Abstractions;
using OmniGraph.Loading.Tests.Support;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.Hosting;

namespace OmniGraph.Loading.Tests.Loads;

/// <summary>The load modes (AC-32) and the load receipts (AC-46).</summary>
public abstract class LoadModeTests(ClusterShape shape) : ClusterShapedTests(shape)
{
    [Fact]
    public async Task Load_StandardFixture_ReportsSortedCountsAndCommitsOneVersion()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        var output = await host.LoadAsync(GraphLoadMode.Overwrite, AcceptanceFixtures.TestData);

        Assert.Equal(11, output.TotalEntities);
        Assert.Equal<LoadedTypeCount>([new("Company", 2), new("Person", 4)], output.Nodes);
        Assert.Equal<LoadedTypeCount>([new("Knows", 3), new("WorksAt", 2)], output.Edges);
        Assert.Equal("overwrite", output.Mode);
        Assert.Equal("main", output.Branch);
        Assert.Equal(2, output.Commit.GraphManifestVersion);
        Assert.Null(output.Commit.GraphBranch);
        Assert.Equal(output.Commit, await host.Client.GetCommitAsync(output.Commit.GraphCommitId));
        Assert.Equal(output.Commit, (await host.Client.ListCommitsAsync()).Commits[0]);
        var snapshot = await host.Client.GetSnapshotAsync();
        Assert.Equal([("Company", 2L), ("Knows", 3L), ("Person", 4L), ("WorksAt", 2L)], snapshot.Datasets.Select(static d => (d.TypeName, d.EntityCount)).Order().ToArray());
    }

    [Fact]
    public async Task Overwrite_ReplacesOnlyTouchedTables()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        await host.LoadAsync(GraphLoadMode.Overwrite, AcceptanceFixtures.TestData);

        await host.LoadLinesAsync(
            GraphLoadMode.Overwrite,
            """{"type":"Person","data":{"name":"Zara","age":40}}""",
            """{"edge":"Knows","from":"Zara","to":"Zara"}""",
            """{"edge":"WorksAt","from":"Zara","to":"Acme"}""");

        Assert.Equal(["Zara"], await host.ColumnAsync("node:Person", "name"));
        Assert.Equal(["Acme", "Globex"], await host.ColumnAsync("node:Company", "name"));
        Assert.Equal(["Zara"], await host.ColumnAsync("edge:Knows", "src"));
        Assert.Equal(["Zara"], await host.ColumnAsync("edge:Knows", "dst"));
        Assert.Equal(["Acme"], await host.ColumnAsync("edge:WorksAt", "dst"));
    }

    [Fact]
    public async Task Append_AddsRowsAndSnapshotCountsTheTotal()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        await host.LoadAsync(GraphLoadMode.Overwrite, AcceptanceFixtures.TestData);

        var output = await host.LoadLinesAsync(GraphLoadMode.Append, """{"type":"Person","data":{"name":"Eve","age":22}}""");

        Assert.Equal(5, (await host.ColumnAsync("node:Person", "name")).Count);
        var person = (await host.Client.GetSnapshotAsync()).Datasets.Single(static d => d.TypeName == "Person");
        Assert.Equal(5, person.EntityCount);
        Assert.Equal(1, Assert.Single(output.Tables).Inserted);
    }

    [Fact]
    public async Task Append_ExistingId_IsKeyConflictAndChangesNothing()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        await host.LoadLinesAsync(GraphLoadMode.Overwrite, """{"type":"Person","data":{"name":"Alice","age":30}}""");
        var before = await host.HeadAsync();

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.KeyConflict, () =>
            host.LoadLinesAsync(GraphLoadMode.Append, """{"type":"Person","data":{"name":"Alice","age":99}}"""));

        Assert.Equal("key_conflict", error.Code);
        Assert.Equal("node type 'Person' already has id 'Alice'", error.Message);
        Assert.Equal("node:Person", error.Get(ErrorDetail.Table));
        Assert.Equal("Alice", error.Get(ErrorDetail.EntityId));
        var after = await host.HeadAsync();
        Assert.Equal(before.ManifestVersion, after.ManifestVersion);
        Assert.Equal(["30"], await host.ColumnAsync("node:Person", "age"));
        Assert.Empty(await host.SidecarsAsync());
    }

    [Fact]
    public async Task Append_SameEdgeLineTwice_CreatesParallelEdges()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        await host.LoadAsync(GraphLoadMode.Overwrite, AcceptanceFixtures.TestData);

        await host.LoadLinesAsync(GraphLoadMode.Append, """{"edge":"Knows","from":"Alice","to":"Bob"}""");

        var sources = await host.ColumnAsync("edge:Knows", "src");
        var targets = await host.ColumnAsync("edge:Knows", "dst");
        Assert.Equal(2, sources.Zip(targets).Count(static e => e is ("Alice", "Bob")));
        Assert.Equal(4, (await host.ColumnAsync("edge:Knows", "id")).Distinct().Count());
    }

    [Fact]
    public async Task Merge_UpsertsExistingAndInsertsNew()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        await host.LoadLinesAsync(
            GraphLoadMode.Overwrite,
            """{"type":"Person","data":{"name":"Alice","age":30}}""",
            """{"type":"Person","data":{"name":"Bob","age":25}}""");

        var output = await host.LoadLinesAsync(
            GraphLoadMode.Merge,
            """{"type":"Person","data":{"name":"Alice","age":31}}""",
            """{"type":"Person","data":{"name":"Charlie","age":35}}""");

        var ages = await host.ValuesByIdAsync("node:Person", "age");
        Assert.Equal(new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["Alice"] = "31", ["Bob"] = "25", ["Charlie"] = "35" }, ages);
        var table = Assert.Single(output.Tables);
        Assert.Equal((1L, 1L, 0L, 3L), (table.Inserted, table.Replaced, table.Deleted, table.RowCount));
    }

    [Fact]
    public async Task Merge_ReplacesTheWholeRow()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.NotesSchema);
        await host.LoadLinesAsync(
            GraphLoadMode.Merge,
            """{"type":"Note","data":{"slug":"note-a","body":""}}""",
            """{"type":"Note","data":{"slug":"note-b"}}""",
            """{"type":"Note","data":{"slug":"note-c","body":"same"}}""",
            """{"edge":"Refs","from":"note-a","to":"note-b","data":{"id":"ref-1","label":"old"}}""");

        await host.LoadLinesAsync(
            GraphLoadMode.Merge,
            """{"type":"Note","data":{"slug":"note-a"}}""",
            """{"type":"Note","data":{"slug":"note-b","body":"x"}}""",
            """{"type":"Note","data":{"slug":"note-c","body":"same"}}""",
            """{"edge":"Refs","from":"note-a","to":"note-b","data":{"id":"ref-1","label":"new"}}""");

        var bodies = await host.ValuesByIdAsync("node:Note", "body");
        Assert.Null(bodies["note-a"]);
        Assert.Equal("x", bodies["note-b"]);
        Assert.Equal("same", bodies["note-c"]);
        Assert.Equal(new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["ref-1"] = "new" }, await host.ValuesByIdAsync("edge:Refs", "label"));
    }

    /// <summary>The same file merged twice leaves the same rows and adds exactly one commit.</summary>
    [Fact]
    public async Task Merge_SameFileTwice_ChangesNothingButTheCommit()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.NotesSchema);
        const string file = """
            {"type":"Note","data":{"slug":"a","body":"one"}}
            {"type":"Note","data":{"slug":"b"}}
            {"edge":"Refs","from":"a","to":"b","data":{"id":"r1","label":"x"}}
            {"edge":"Refs","from":"b","to":"a","data":{"id":"r2"}}
            """;
        await host.LoadAsync(GraphLoadMode.Merge, file);
        var exportBefore = await host.ExportAsync();
        var first = await host.HeadAsync();

        var second = await host.LoadAsync(GraphLoadMode.Merge, file);

        Assert.Equal(first.ManifestVersion + 1, second.Commit.GraphManifestVersion);
        Assert.Equal(first.Commit.Id, second.Commit.ParentCommitId);
        Assert.Equal(SortedLines(exportBefore), SortedLines(await host.ExportAsync()));
        Assert.All(second.Tables, static t => Assert.Equal((0L, t.RowCount), (t.Inserted, t.Replaced)));
    }

    /// <summary>AC-46: a merge load's receipt counts what the file held and names the commit that is now the head.</summary>
    [Fact]
    public async Task MergeReceipt_CountsTheFileAndNamesTheNewHead()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        await host.LoadAsync(GraphLoadMode.Overwrite, AcceptanceFixtures.TestData);
        var before = await host.HeadAsync();

        var output = await host.LoadLinesAsync(GraphLoadMode.Merge, """{"type":"Person","data":{"name":"LoadReceipt","age":40}}""");

        Assert.Equal<LoadedTypeCount>([new("Person", 1)], output.Nodes);
        Assert.Empty(output.Edges);
        Assert.Equal(before.Commit.Id, output.Commit.ParentCommitId);
        Assert.Equal((await host.HeadAsync()).Commit.Id, output.Commit.GraphCommitId);
    }

    /// <summary>AC-46: an empty load succeeds, reports nothing loaded, and still commits on top of the previous head.</summary>
    [Theory]
    [InlineData(GraphLoadMode.Merge, "")]
    [InlineData(GraphLoadMode.Append, "\n  \n")]
    [InlineData(GraphLoadMode.Overwrite, "")]
    public async Task EmptyLoad_StillCommits(GraphLoadMode mode, string text)
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        await host.LoadAsync(GraphLoadMode.Overwrite, AcceptanceFixtures.TestData);
        var before = await host.HeadAsync();

        var output = await host.LoadAsync(mode, text);

        Assert.Empty(output.Nodes);
        Assert.Empty(output.Edges);
        Assert.Equal(0, output.TotalEntities);
        Assert.Equal(before.ManifestVersion + 1, output.Commit.GraphManifestVersion);
        Assert.Equal(before.Commit.Id, output.Commit.ParentCommitId);
        var after = await host.HeadAsync();
        Assert.Equal(output.Commit.GraphCommitId, after.Commit.Id);
        Assert.Equal(4, after.GetTable("node:Person").RowCount);
    }

    [Fact]
    public async Task Load_RecordsActorAndLoadKind()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);

        var output = await host.Client.LoadJsonlAsync(AcceptanceFixtures.TestData, GraphLoadMode.Overwrite, options: new GraphLoadOptions { Actor = "act-andrew" });

        Assert.Equal("act-andrew", output.ActorId);
        Assert.Equal("act-andrew", output.Commit.ActorId);
        var head = await host.HeadAsync();
        Assert.Equal("load", head.Commit.Kind);
        Assert.Equal("act-andrew", head.Commit.Actor);
    }

    internal static string[] SortedLines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
}

/// <summary><see cref="LoadModeTests"/> on one silo.</summary>
public sealed class LoadModeTestsOnOneSilo() : LoadModeTests(ClusterShape.OneSilo);

/// <summary><see cref="LoadModeTests"/> on three silos.</summary>
public sealed class LoadModeTestsOnThreeSilos() : LoadModeTests(ClusterShape.ThreeSilos);

/// <summary><see cref="LoadModeTests"/> on three silos with random placement.</summary>
public sealed class LoadModeTestsOnThreeSilosRandom() : LoadModeTests(ClusterShape.ThreeSilosRandom);
