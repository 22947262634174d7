using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Tampering;

namespace OmniGraph.Grains.Tests.Integrity.Tampering;

/// <summary>
/// The graphs the engine-level tampering suite damages, built once: main's history is init, W1 (people, a company,
/// edges), W2 (Bob replaced: Person's first deletion file; k2 added) and W3 (Alice replaced: Person's second deletion
/// file; k1 deleted: Knows' deletion file), so every kind of object exists with an older one of its kind and one of
/// another table. "Earlier" is the graph after W2 (older head record and registry state); "Other" is the same history in
/// another graph; "Pending" adds W4 (Frank), whose publish failed: its recovery sidecar is pending.
/// </summary>
public sealed class EngineTamperFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    /// <summary>The prepared graphs.</summary>
    public TamperGraphs Graphs { get; private set; } = null!;

    /// <summary>The object each target damages, and the bytes of its older version and of the other object.</summary>
    public Dictionary<TamperTarget, TamperSource> Sources { get; private set; } = null!;

    /// <summary>What the intact graph answers (and what a graph answers while W4 is pending).</summary>
    public EngineAnswers Intact { get; private set; } = null!;

    /// <summary>What the intact graph holds after the suite's load.</summary>
    public EngineAnswers AfterLoad { get; private set; } = null!;

    /// <summary>What the intact graph holds after the suite's mutation.</summary>
    public EngineAnswers AfterMutate { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var graph = _directory.Combine("graph");
        var earlier = _directory.Combine("earlier");
        var other = _directory.Combine("other");
        var olderSidecar = await BuildAsync(graph, earlier);
        await BuildAsync(other, null);
        var pending = _directory.Combine("pending");
        var otherPending = _directory.Combine("other-pending");
        await LeavePendingWriteAsync(graph, pending);
        await LeavePendingWriteAsync(other, otherPending);
        Graphs = new TamperGraphs(graph, earlier, other, pending, otherPending, olderSidecar);
        Sources = Graphs.Resolve("node:Person", "edge:Knows", "node:Company");

        Intact = await AnswersOfCopyAsync(graph, null);
        AfterLoad = await AnswersOfCopyAsync(graph, EngineAnswers.LoadAsync);
        AfterMutate = await AnswersOfCopyAsync(graph, EngineAnswers.MutateAsync);
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A copy of the graph a target lives in, to damage.</summary>
    public string CopyFor(TamperTarget target)
    {
        var copy = _directory.Combine($"cell-{Guid.NewGuid():N}");
        StoreFiles.CopyTree(Graphs.SourceOf(target), copy);
        return copy;
    }

    /// <summary>Builds main's history at <paramref name="path"/>; stops after W2 to copy the graph to <paramref name="earlier"/>; returns W3's sidecar.</summary>
    private static async Task<byte[]> BuildAsync(string path, string? earlier)
    {
        var host = await GraphHost.InitAsync(new LocalDirectoryObjectStore(path));
        await host.WriteAsync(
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", 30, "a@x"), ("Bob", 25, null), ("Carol", 35, null))),
            TableWrite.FromBatches("node:Company", TableWriteMode.Upsert, Rows.Companies("Acme")),
            TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k0", "Alice", "Bob"), ("k1", "Bob", "Carol"))),
            TableWrite.FromBatches("edge:WorksAt", TableWriteMode.Upsert, Rows.Edges("edge:WorksAt", ("w0", "Alice", "Acme"))));
        await host.WriteAsync(
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Bob", 40, null))),
            TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k2", "Carol", "Alice"))));
        await host.DisposeAsync();
        if (earlier is not null)
        {
            StoreFiles.CopyTree(path, earlier);
        }

        host = await GraphHost.StartAsync(new LocalDirectoryObjectStore(path));
        var pause = host.Failpoints.Arm(Failpoints.CommitSidecarDelete, FailpointAction.PauseBefore);
        var write = host.WriteAsync(
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", 31, "a@x"))),
            TableWrite.Delete("edge:Knows", KeyBatch.Of("k1")));
        await pause.Fired.WaitAsync(TimeSpan.FromSeconds(30));
        var sidecar = Bytes(path, Assert.Single(StoreFiles.Keys(path, GraphObjectKeys.RecoveryPrefix)));
        pause.Release();
        await write;
        await host.DisposeAsync();
        return sidecar;
    }

    /// <summary>Copies <paramref name="from"/> to <paramref name="to"/> and leaves W4 pending there (every head moved, the publish failed).</summary>
    private static async Task LeavePendingWriteAsync(string from, string to)
    {
        StoreFiles.CopyTree(from, to);
        var host = await GraphHost.StartAsync(new LocalDirectoryObjectStore(to));
        host.Failpoints.Arm(Failpoints.CommitManifestPublish, FailpointAction.FailBefore);
        await Assert.ThrowsAsync<RecoveryRequiredException>(() => host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Frank"))));
        await host.KillAsync();
    }

    private async Task<EngineAnswers> AnswersOfCopyAsync(string source, Func<GraphHost, Task>? write)
    {
        var copy = _directory.Combine($"reference-{Guid.NewGuid():N}");
        StoreFiles.CopyTree(source, copy);
        await using var host = await GraphHost.StartAsync(new LocalDirectoryObjectStore(copy));
        if (write is not null)
        {
            await write(host);
        }

        return await EngineAnswers.ReadAsync(host);
    }

    private static byte[] Bytes(string root, string key) => File.ReadAllBytes(StoreFiles.PathOf(root, key));
}
