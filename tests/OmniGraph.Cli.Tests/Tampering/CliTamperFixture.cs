using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Tests.Support;
using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Hosting;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Tampering;

namespace OmniGraph.Cli.Tests.Tampering;

/// <summary>
/// The graphs the CLI tampering suite damages, built with the CLI once: FX-TEST loaded (v2), Bob's age set (v3: Person's
/// first deletion file), Bob's friendships removed (v4: a Knows deletion file), Alice's age set (v5: Person's second
/// deletion file). "Earlier" is the graph after v3; "Other" the same history in another graph; "Pending" adds Frank,
/// whose publish failed. Steps that need a failpoint (capturing v5's sidecar, leaving the pending write) run the same
/// engine in process, with the CLI's features.
/// </summary>
public sealed class CliTamperFixture : IAsyncLifetime
{
    public const string Mutations = AcceptanceFixtures.MutationQueries;

    private readonly TempDirectory _directory = new();

    public TamperGraphs Graphs { get; private set; } = null!;

    public Dictionary<TamperTarget, TamperSource> Sources { get; private set; } = null!;

    public string Queries => _directory.Combine("queries.gq");

    public string MutationFile => _directory.Combine("mutations.gq");

    public string ExtraData => _directory.Combine("extra.jsonl");

    /// <summary>The intact graph's answers (also what a graph with the pending write answers: the version before it).</summary>
    public Dictionary<TamperCommand, string> Intact { get; private set; } = null!;

    /// <summary>The intact graph's export after the suite's load / mutation.</summary>
    public Dictionary<TamperCommand, string> ExportAfter { get; } = [];

    public async Task InitializeAsync()
    {
        File.WriteAllText(Queries, AcceptanceFixtures.TestQueries);
        File.WriteAllText(MutationFile, Mutations);
        File.WriteAllText(ExtraData, """
            {"type": "Person", "data": {"name": "Eve", "age": 22}}
            {"edge": "Knows", "from": "Eve", "to": "Alice"}

            """);
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

        var copy = CopyOf(graph);
        Intact = [];
        foreach (var command in new[] { TamperCommand.Snapshot, TamperCommand.Query, TamperCommand.Export, TamperCommand.CommitList })
        {
            Intact[command] = (await CliRun.OkAsync(ReadArguments(command, copy))).Out;
        }

        foreach (var command in new[] { TamperCommand.Load, TamperCommand.Mutate })
        {
            copy = CopyOf(graph);
            await CliRun.OkAsync(WriteArguments(command, copy));
            ExportAfter[command] = (await CliRun.OkAsync("export", copy)).Out;
        }
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A fresh copy of the graph a target lives in.</summary>
    public string CopyFor(TamperTarget target) => CopyOf(Graphs.SourceOf(target));

    public string[] ReadArguments(TamperCommand command, string graph) => command switch
    {
        TamperCommand.Snapshot => ["snapshot", graph, "--json"],
        TamperCommand.Query => ["query", "adults", "--query", Queries, "--store", graph, "--json"],
        TamperCommand.Export => ["export", graph],
        _ => ["commit", "list", graph, "--json"],
    };

    public string[] WriteArguments(TamperCommand command, string graph) => command == TamperCommand.Load
        ? ["load", graph, "--data", ExtraData, "--mode", "append", "--quiet"]
        : ["mutate", "set_age", "--query", MutationFile, "--params", """{"name":"Charlie","age":50}""", "--store", graph];

    private string CopyOf(string source)
    {
        var copy = _directory.Combine($"copy-{Guid.NewGuid():N}");
        StoreFiles.CopyTree(source, copy);
        return copy;
    }

    /// <summary>Builds the history at <paramref name="path"/> (copying it to <paramref name="earlier"/> after v3); returns v5's sidecar.</summary>
    private async Task<byte[]> BuildAsync(string path, string? earlier)
    {
        var schema = _directory.Combine("schema.pg");
        var data = _directory.Combine("data.jsonl");
        File.WriteAllText(schema, AcceptanceFixtures.TestSchema + "\n");
        File.WriteAllText(data, AcceptanceFixtures.TestData + "\n");
        await CliRun.OkAsync("init", "--schema", schema, path);
        await CliRun.OkAsync("load", path, "--data", data, "--mode", "overwrite", "--quiet");
        await CliRun.OkAsync("mutate", "set_age", "--query", MutationFile, "--params", """{"name":"Bob","age":40}""", "--store", path);
        if (earlier is not null)
        {
            StoreFiles.CopyTree(path, earlier);
        }

        await CliRun.OkAsync("mutate", "remove_friendship", "--query", MutationFile, "--params", """{"from":"Bob"}""", "--store", path);
        await using var graph = await OpenAsync(path);
        var pause = graph.Services.GetRequiredService<FailpointRegistry>().Arm(Failpoints.CommitSidecarDelete, FailpointAction.PauseBefore);
        var write = graph.Client.MutateAsync(Mutations, "set_age", """{"name":"Alice","age":31}""");
        await pause.Fired.WaitAsync(TimeSpan.FromSeconds(30));
        var sidecar = File.ReadAllBytes(StoreFiles.PathOf(path, TamperGraphs.Sidecar(path)));
        pause.Release();
        await write;
        return sidecar;
    }

    /// <summary>Copies <paramref name="from"/> to <paramref name="to"/> and leaves a write there whose publish failed.</summary>
    private static async Task LeavePendingWriteAsync(string from, string to)
    {
        StoreFiles.CopyTree(from, to);
        await using var graph = await OpenAsync(to);
        graph.Services.GetRequiredService<FailpointRegistry>().Arm(Failpoints.CommitManifestPublish, FailpointAction.FailBefore);
        await Assert.ThrowsAsync<RecoveryRequiredException>(() => graph.Client.MutateAsync(Mutations, "insert_person", """{"name":"Frank","age":60}"""));
    }

    private static Task<OmniGraphEmbedded> OpenAsync(string path) =>
        OmniGraphEmbedded.OpenAsync(path, static o => o.ConfigureSilo = CliFeatures.Configure);
}
