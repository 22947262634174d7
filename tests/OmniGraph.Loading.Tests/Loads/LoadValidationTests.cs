using OmniGraph.Abstractions;
using OmniGraph.Ingest;
using OmniGraph.Loading.Tests.Support;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Loading.Tests.Loads;

/// <summary>Duplicate keys, referential integrity and explicit ids (AC-33), and that a refused load changes nothing.</summary>
public sealed class LoadValidationTests
{
    private const string ThingSchema = """
        node Thing {
            key: String @key
            value: String
        }
        """;

    private const string KnowsSchema = """
        node Person {
            name: String @key
        }
        edge Knows: Person -> Person
        """;

    [Theory]
    [InlineData(GraphLoadMode.Overwrite)]
    [InlineData(GraphLoadMode.Append)]
    [InlineData(GraphLoadMode.Merge)]
    public async Task DuplicateKeyInOneFile_IsUniqueViolationInEveryMode(GraphLoadMode mode)
    {
        await using var host = await LoadingHost.InitAsync(ThingSchema);

        var error = await ErrorAssert.ThrowsAsync<IngestException>(ErrorCodes.UniqueViolation, () => host.LoadLinesAsync(
            mode,
            """{"type":"Thing","data":{"key":"DUP","value":"first"}}""",
            """{"type":"Thing","data":{"key":"DUP","value":"second"}}"""));

        Assert.Equal("unique_violation", error.Code);
        Assert.Contains("@unique violation", error.Message, StringComparison.Ordinal);
        Assert.Contains("DUP", error.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync(host, expectedVersion: 1);
    }

    [Fact]
    public async Task Overwrite_EdgeToMissingNode_IsOrphanEdge()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);

        var dst = await ErrorAssert.ThrowsAsync(ErrorCodes.OrphanEdge, () => host.LoadLinesAsync(
            GraphLoadMode.Overwrite,
            """{"type":"Person","data":{"name":"Alice"}}""",
            """{"type":"Company","data":{"name":"Acme"}}""",
            """{"edge":"Knows","from":"Alice","to":"NonExistent"}"""));
        var src = await ErrorAssert.ThrowsAsync(ErrorCodes.OrphanEdge, () => host.LoadLinesAsync(
            GraphLoadMode.Overwrite,
            """{"type":"Person","data":{"name":"Alice"}}""",
            """{"type":"Company","data":{"name":"Acme"}}""",
            """{"edge":"WorksAt","from":"Ghost","to":"Acme"}"""));

        Assert.Equal("dst 'NonExistent' not found in Person", dst.Message);
        Assert.Equal("src 'Ghost' not found in Person", src.Message);
        Assert.Equal("orphan_edge", src.Code);
        await AssertUnchangedAsync(host, expectedVersion: 1);
    }

    [Fact]
    public async Task Overwrite_ChecksReferencesAgainstTheNewImage()
    {
        await using var host = await LoadingHost.InitAsync(KnowsSchema);
        await host.LoadLinesAsync(GraphLoadMode.Overwrite, """{"type":"Person","data":{"name":"Alice"}}""");

        await host.LoadLinesAsync(
            GraphLoadMode.Overwrite,
            """{"type":"Person","data":{"name":"Carol"}}""",
            """{"edge":"Knows","from":"Carol","to":"Carol"}""");

        Assert.Equal(["Carol"], await host.ColumnAsync("node:Person", "id"));
        Assert.Equal(["Carol"], await host.ColumnAsync("edge:Knows", "src"));
    }

    [Fact]
    public async Task Append_EdgeToMissingNode_IsRefused()
    {
        await using var host = await LoadingHost.InitAsync(KnowsSchema);
        await host.LoadLinesAsync(GraphLoadMode.Overwrite, """{"type":"Person","data":{"name":"Alice"}}""");

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.OrphanEdge, () =>
            host.LoadLinesAsync(GraphLoadMode.Append, """{"edge":"Knows","from":"Alice","to":"Ghost"}"""));

        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync(host, expectedVersion: 2);
    }

    /// <summary>Overwriting the node table without Bob would leave the kept Knows table pointing at him.</summary>
    [Fact]
    public async Task Overwrite_RemovingAReferencedNode_IsRefused()
    {
        await using var host = await LoadingHost.InitAsync(KnowsSchema);
        await host.LoadLinesAsync(
            GraphLoadMode.Overwrite,
            """{"type":"Person","data":{"name":"Alice"}}""",
            """{"type":"Person","data":{"name":"Bob"}}""",
            """{"edge":"Knows","from":"Alice","to":"Bob"}""");

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.OrphanEdge, () =>
            host.LoadLinesAsync(GraphLoadMode.Overwrite, """{"type":"Person","data":{"name":"Alice"}}"""));

        Assert.Equal("dst 'Bob' not found in Person", error.Message);
        Assert.Equal(["Alice", "Bob"], await host.ColumnAsync("node:Person", "id"));
        await AssertUnchangedAsync(host, expectedVersion: 2);
    }

    [Fact]
    public async Task ExplicitIds_OfUnkeyedNodesAndEdges_AreKept()
    {
        await using var host = await LoadingHost.InitAsync("""
            node Note {
                text: String
            }
            edge References: Note -> Note
            """);

        await host.LoadLinesAsync(
            GraphLoadMode.Overwrite,
            """{"type":"Note","data":{"id":"note-1","text":"Alpha"}}""",
            """{"type":"Note","data":{"id":"note-2","text":"Beta"}}""",
            """{"edge":"References","from":"note-1","to":"note-2","data":{"id":"edge-1"}}""");

        Assert.Equal(["note-1", "note-2"], await host.ColumnAsync("node:Note", "id"));
        Assert.Equal(["edge-1"], await host.ColumnAsync("edge:References", "id"));
        Assert.Equal(["note-1"], await host.ColumnAsync("edge:References", "src"));
        Assert.Equal(["note-2"], await host.ColumnAsync("edge:References", "dst"));

        // Export and re-import keeps them.
        await using var copy = await LoadingHost.InitAsync("""
            node Note {
                text: String
            }
            edge References: Note -> Note
            """);
        await copy.LoadAsync(GraphLoadMode.Overwrite, await host.ExportAsync());
        Assert.Equal(["note-1", "note-2"], await copy.ColumnAsync("node:Note", "id"));
        Assert.Equal(["edge-1"], await copy.ColumnAsync("edge:References", "id"));
        Assert.Equal(["note-1"], await copy.ColumnAsync("edge:References", "src"));
        Assert.Equal(["Alpha", "Beta"], await copy.ColumnAsync("node:Note", "text"));
    }

    [Fact]
    public async Task InvalidLine_ChangesNothing()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        await host.LoadAsync(GraphLoadMode.Overwrite, AcceptanceFixtures.TestData);

        var error = await ErrorAssert.ThrowsAsync<IngestException>(ErrorCodes.InvalidData, () => host.LoadLinesAsync(
            GraphLoadMode.Overwrite,
            """{"type":"Person","data":{"name":"Zed","age":1}}""",
            """{"type":"Person","data":{"name":"Yan","age":"x"}}"""));

        Assert.Equal("invalid_data", error.Code);
        Assert.Equal("line 2: strict property 'age' expects Int32, got \"x\"", error.Message);
        Assert.Equal(4, (await host.ColumnAsync("node:Person", "id")).Count);
        await AssertUnchangedAsync(host, expectedVersion: 2);
    }

    [Fact]
    public async Task UnknownType_IsTypedAndChangesNothing()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);

        var error = await ErrorAssert.ThrowsAsync<IngestException>(ErrorCodes.UnknownType, () =>
            host.LoadLinesAsync(GraphLoadMode.Append, """{"type":"Persn","data":{"name":"Ada"}}"""));

        Assert.Equal("unknown_type", error.Code);
        Assert.Equal("line 1: unknown node type 'Persn'", error.Message);
        await AssertUnchangedAsync(host, expectedVersion: 1);
    }

    /// <summary>An @card violation found at commit time publishes nothing.</summary>
    [Fact]
    public async Task CardinalityViolation_DoesNotAdvanceTheVersion()
    {
        await using var host = await LoadingHost.InitAsync("""
            node Person { name: String @key }
            node Company { name: String @key }
            edge WorksAt: Person -> Company @card(0..1)
            """);

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.CardinalityViolation, () => host.LoadLinesAsync(
            GraphLoadMode.Overwrite,
            """{"type":"Person","data":{"name":"Alice"}}""",
            """{"type":"Company","data":{"name":"Acme"}}""",
            """{"type":"Company","data":{"name":"Globex"}}""",
            """{"edge":"WorksAt","from":"Alice","to":"Acme"}""",
            """{"edge":"WorksAt","from":"Alice","to":"Globex"}"""));

        Assert.Contains("@card violation", error.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync(host, expectedVersion: 1);

        await host.LoadLinesAsync(
            GraphLoadMode.Overwrite,
            """{"type":"Person","data":{"name":"Alice"}}""",
            """{"type":"Company","data":{"name":"Acme"}}""",
            """{"edge":"WorksAt","from":"Alice","to":"Acme"}""");
        Assert.Single(await host.ColumnAsync("edge:WorksAt", "id"));
    }

    /// <summary>AC-38: merging an edge id twice in one file keeps the last row; merging it again later moves the edge.</summary>
    [Fact]
    public async Task Merge_EdgeIdRepeatedInTheFile_LastRowWins()
    {
        await using var host = await LoadingHost.InitAsync("""
            node Person { name: String @key }
            node Company { name: String @key }
            edge WorksAt: Person -> Company @card(0..1)
            """);
        await host.LoadLinesAsync(
            GraphLoadMode.Overwrite,
            """{"type":"Person","data":{"name":"Alice"}}""",
            """{"type":"Company","data":{"name":"Acme"}}""",
            """{"type":"Company","data":{"name":"Bigco"}}""");

        var output = await host.LoadLinesAsync(
            GraphLoadMode.Merge,
            """{"edge":"WorksAt","from":"Alice","to":"Acme","data":{"id":"w1"}}""",
            """{"edge":"WorksAt","from":"Alice","to":"Bigco","data":{"id":"w1"}}""");

        Assert.Equal(1, output.TotalEntities);
        Assert.Equal(["Bigco"], await host.ColumnAsync("edge:WorksAt", "dst"));
    }

    private static async Task AssertUnchangedAsync(LoadingHost host, long expectedVersion)
    {
        var head = await host.HeadAsync();
        Assert.Equal(expectedVersion, head.ManifestVersion);
        Assert.Equal(expectedVersion, (await host.Client.ListCommitsAsync()).Commits.Length);
        Assert.Empty(await host.SidecarsAsync());
        if (expectedVersion == 1)
        {
            Assert.All(head.Tables, static t => Assert.Equal(0, t.RowCount));
        }
    }
}
