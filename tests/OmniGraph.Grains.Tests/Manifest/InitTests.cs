using System.Text;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Schema;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Manifest;

/// <summary>Init: the stamp, the schema objects, the genesis manifest and commit; refusals; exactly one of racing inits.</summary>
public sealed class InitTests
{
    [Fact]
    public async Task Init_WritesTheStampSchemaAndGenesis_EveryTableAtVersionZero()
    {
        var store = new MemoryObjectStore();
        await using var host = await GraphHost.StartAsync(store);
        var genesis = await host.Client.InitializeAsync(TestSchemas.Social);

        var hash = SchemaCatalog.Compile(TestSchemas.Social).ContentHash;
        var head = await host.HeadAsync();
        var stamp = StoredDocuments.ReadStamp(GraphObjectKeys.Stamp, (await store.GetAsync(GraphObjectKeys.Stamp)).Content.Span);
        Assert.Equal(("omnigraph-orleans", head.BranchIncarnation, genesis.GraphCommitId), (stamp.Format, stamp.MainBranchIncarnation, stamp.GenesisCommit));
        Assert.Equal(TestSchemas.Social, Encoding.UTF8.GetString((await store.GetAsync(GraphObjectKeys.SchemaSource(hash))).Content.Span));
        Assert.Equal(hash, SchemaCatalog.FromIrJson(Encoding.UTF8.GetString((await store.GetAsync(GraphObjectKeys.SchemaIr(hash))).Content.Span)).ContentHash);
        var pointer = StoredDocuments.ReadCommitPointer(GraphObjectKeys.CommitPointer(genesis.GraphCommitId), (await store.GetAsync(GraphObjectKeys.CommitPointer(genesis.GraphCommitId))).Content.Span, genesis.GraphCommitId);
        Assert.Equal((BranchNames.Main, head.BranchIncarnation, 1L), (pointer.Branch, pointer.BranchIncarnation, pointer.ManifestVersion));

        Assert.Equal(1, head.ManifestVersion);
        Assert.Equal(genesis.GraphCommitId, head.Commit.Id);
        Assert.Null(head.Commit.ParentId);
        Assert.Null(head.Commit.Actor);
        Assert.Equal(hash, head.SchemaHash);
        Assert.Equal(["edge:Knows", "edge:WorksAt", "node:Company", "node:Person"], head.Tables.Select(static t => t.Table));
        Assert.All(head.Tables, static t => Assert.Equal(0, t.Version));
        Assert.Null(genesis.GraphBranch);
        Assert.Equal(1, genesis.GraphManifestVersion);

        var schema = await host.Client.GetSchemaAsync();
        Assert.Equal(TestSchemas.Social, schema.SchemaSource);
    }

    [Fact]
    public async Task Init_OfAnInitialisedRoot_IsRefused_AndChangesNothing()
    {
        var store = new MemoryObjectStore();
        await using var host = await GraphHost.InitAsync(store);
        var before = await ListAsync(store);

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.AlreadyInitialized, () => host.Client.InitializeAsync(TestSchemas.Items));
        Assert.Equal("already_initialized", error.Code);
        Assert.Equal(before, await ListAsync(store));
        Assert.Equal(SchemaCatalog.Compile(TestSchemas.Social).ContentHash, (await host.HeadAsync()).SchemaHash);
    }

    [Fact]
    public async Task Init_WithAnInvalidSchema_IsASchemaError_AndLeavesTheRootEmpty()
    {
        var store = new MemoryObjectStore();
        await using var host = await GraphHost.StartAsync(store);
        var error = await Assert.ThrowsAsync<SchemaException>(() => host.Client.InitializeAsync("node Person { name: Strin }"));
        Assert.StartsWith("schema_", error.Code);
        Assert.Empty(await ListAsync(store));
        await ErrorAssert.ThrowsAsync(ErrorCodes.GraphNotInitialized, () => host.HeadAsync());
    }

    [Fact]
    public async Task UninitialisedRoot_IsATypedError_UntilAnotherProcessInitialisesIt()
    {
        var store = new MemoryObjectStore();
        await using var reader = await GraphHost.StartAsync(store);
        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.GraphNotInitialized, () => reader.HeadAsync());
        Assert.Equal("graph_not_initialized", error.Code);

        await using var writer = await GraphHost.InitAsync(store);
        Assert.Equal(1, (await reader.HeadAsync()).ManifestVersion);
    }

    [Fact]
    public async Task ConcurrentInits_FromTwoSilos_ExactlyOneWins()
    {
        using var directory = new TempDirectory();
        await using var a = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        await using var b = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));

        var results = await Task.WhenAll(
            Outcome(a.Client.InitializeAsync(TestSchemas.Social)),
            Outcome(b.Client.InitializeAsync(TestSchemas.Items)));

        Assert.Single(results, static r => r is CommitOutput);
        Assert.Single(results, static r => r is OmniGraphException { Code: ErrorCodes.AlreadyInitialized });
        var winner = (CommitOutput)results.Single(static r => r is CommitOutput);
        Assert.Equal(winner.GraphCommitId, (await a.HeadAsync()).Commit.Id);
        Assert.Equal(winner.GraphCommitId, (await b.HeadAsync()).Commit.Id);
    }

    [Theory]
    [InlineData("""{"format":"omnigraph-orleans","storage_version":2,"created_at":0}""", "newer than this build reads (1); upgrade omnigraph")]
    [InlineData("""{"format":"omnigraph-orleans","storage_version":0,"created_at":0}""", "rebuild the graph with export and load")]
    [InlineData("""{"format":"something-else","storage_version":1}""", "format 'something-else'")]
    public async Task UnknownOrNewerStorageFormat_IsRefusedWithATypedError(string stamp, string reason)
    {
        var store = new MemoryObjectStore();
        await store.PutAsync(GraphObjectKeys.Stamp, Encoding.UTF8.GetBytes(stamp), WriteCondition.IfNotExists);
        await using var host = await GraphHost.StartAsync(store);
        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.UnsupportedStorageFormat, () => host.HeadAsync());
        Assert.Equal("unsupported_storage_format", error.Code);
        Assert.Contains(reason, error.Message);
        Assert.Equal(GraphObjectKeys.Stamp, error.Get(ErrorDetail.Key));
        await ErrorAssert.ThrowsAsync(ErrorCodes.AlreadyInitialized, () => host.Client.InitializeAsync(TestSchemas.Social));
    }

    [Fact]
    public async Task MalformedStamp_IsACorruptObjectNamingIt()
    {
        var store = new MemoryObjectStore();
        await store.PutAsync(GraphObjectKeys.Stamp, "{\"format\":\"omnigraph-orleans\",\"storage_version\":1}"u8.ToArray(), WriteCondition.IfNotExists);
        await using var host = await GraphHost.StartAsync(store);
        var error = await Assert.ThrowsAsync<CorruptObjectException>(() => host.HeadAsync());
        Assert.Equal(GraphObjectKeys.Stamp, error.Key);
    }

    private static async Task<object> Outcome(Task<CommitOutput> init)
    {
        try
        {
            return await init;
        }
        catch (OmniGraphException exception) when (exception.Code == ErrorCodes.AlreadyInitialized)
        {
            return exception;
        }
    }

    private static async Task<List<string>> ListAsync(IObjectStore store) =>
        [.. (await store.ListAsync(string.Empty, maxResults: 5000)).Objects.Select(static o => o.Key)];
}
