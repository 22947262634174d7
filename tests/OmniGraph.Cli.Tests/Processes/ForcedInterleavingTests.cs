using System.Text.Json;
using OmniGraph.Cli.Tests.Support;
using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Storage;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.Recovery;
using OmniGraph.TestWorker.Handshake;
using OmniGraph.TestWorker.Verbs;
using static OmniGraph.Testing.Concurrency.ProcessRace;

namespace OmniGraph.Cli.Tests.Processes;

/// <summary>
/// Real <c>omnigraph</c> processes against a writer held at a known step of the commit protocol. The held writer is a
/// <c>graph-write</c> worker process: the engine embedded exactly as the CLI embeds it, paused at a failpoint until the
/// test releases it. Each interleaving is therefore certain and its outcome exact: a command that publishes while the
/// writer stands prepared makes it re-prepare (insert, append) or fail with <c>read_set_conflict</c> (update,
/// overwrite); a command that opens the graph while the writer stands past its recovery record heals it first —
/// forward (a record of this build is complete: the write's objects were durable before it), or, for a record of the
/// earlier format whose heads did not all move, back behind a rollback commit.
/// </summary>
public sealed class ForcedInterleavingTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    private string Signals => Path.Combine(_workspace.Root, "signals");

    public static TheoryData<string, string, bool> HeldMutations() => new()
    {
        { "set_age", """{"name":"Alice","age":31}""", false },
        { "insert_person", """{"name":"Eve","age":22}""", true },
    };

    /// <summary>The worker stands prepared (before its recovery record) while <c>omnigraph mutate</c> publishes.</summary>
    [Theory]
    [MemberData(nameof(HeldMutations))]
    public async Task MutateCommand_PublishingWhileAWriterStandsPrepared_MakesItReprepareOrConflict(string query, string parameters, bool reprepared)
    {
        await _workspace.InitAndLoadAsync();
        var baseCommit = await HeadCommitAsync();
        using var held = GraphWriteWorker.Start(_workspace.Graph, "held", GraphWriteJob.Mutation(AcceptanceFixtures.MutationQueries, query, parameters), [Failpoints.CommitSidecarWrite], Signals);
        await held.WaitPausedAsync(Failpoints.CommitSidecarWrite);

        var command = await CliProcess.RunAsync("mutate", "--store", _workspace.Graph, "--query", MutationFile(), "set_age", "--params", """{"name":"Bob","age":26}""", "--json");
        Assert.True(command.ExitCode == 0, command.ToString());
        var published = command.Json().GetProperty("commit");
        Assert.Equal(baseCommit, published.GetProperty("parent_commit_id").GetString());
        var commandCommit = published.GetProperty("graph_commit_id").GetString()!;

        await AssertHeldOutcomeAsync(await held.FinishAsync(), reprepared, baseCommit, commandCommit);
        Assert.Equal(reprepared ? "Alice=30 Bob=26 Charlie=35 Diana=28 Eve=22" : "Alice=30 Bob=26 Charlie=35 Diana=28", await AgesAsync());
    }

    /// <summary>The worker's load stands prepared while <c>omnigraph load --mode append</c> publishes: a merge re-prepares, an overwrite is refused.</summary>
    [Theory]
    [InlineData(GraphLoadMode.Merge, true)]
    [InlineData(GraphLoadMode.Overwrite, false)]
    public async Task LoadCommand_PublishingWhileALoadStandsPrepared_MakesItReprepareOrConflict(GraphLoadMode heldMode, bool reprepared)
    {
        await _workspace.InitAndLoadAsync();
        var baseCommit = await HeadCommitAsync();
        var companies = _workspace.Write("companies.jsonl", "{\"type\":\"Company\",\"data\":{\"name\":\"Acme\"}}\n{\"type\":\"Company\",\"data\":{\"name\":\"Globex\"}}\n{\"type\":\"Company\",\"data\":{\"name\":\"Hooli\"}}\n");
        var eve = _workspace.Write("eve.jsonl", "{\"type\":\"Person\",\"data\":{\"name\":\"Eve\",\"age\":22}}\n");
        using var held = GraphWriteWorker.Start(_workspace.Graph, "held", GraphWriteJob.Load(companies, heldMode), [Failpoints.CommitSidecarWrite], Signals);
        await held.WaitPausedAsync(Failpoints.CommitSidecarWrite);

        var command = await CliProcess.RunAsync("load", _workspace.Graph, "--data", eve, "--mode", "append", "--quiet");
        Assert.True(command.ExitCode == 0, command.ToString());
        var commandCommit = await HeadCommitAsync();

        await AssertHeldOutcomeAsync(await held.FinishAsync(), reprepared, baseCommit, commandCommit);
        Assert.Equal(reprepared ? 3 : 2, await CountAsync("Company"));
        Assert.Equal(5, await CountAsync("Person"));
    }

    /// <summary>
    /// The worker has written its recovery record, but not published, when a read-only <c>omnigraph snapshot</c> opens the
    /// graph: the write is complete (its objects were made durable before the record), so the command's heal publishes
    /// it (the snapshot already shows it), and the worker, released, finds its own commit in place.
    /// </summary>
    [Fact]
    public async Task SnapshotCommand_OpeningTheGraph_RollsACompleteWriteForward()
    {
        await _workspace.InitAndLoadAsync();
        var baseCommit = await HeadCommitAsync();
        using var held = GraphWriteWorker.Start(_workspace.Graph, "held", GraphWriteJob.Mutation(AcceptanceFixtures.MutationQueries, "insert_person", """{"name":"Eve","age":22}"""), [Failpoints.CommitManifestPublish], Signals);
        await held.WaitPausedAsync(Failpoints.CommitManifestPublish);

        var snapshot = (await CliProcess.RunAsync("snapshot", _workspace.Graph, "--json")).Json();
        Assert.Equal(3, snapshot.GetProperty("graph_manifest_version").GetInt64());
        Assert.Equal(5, Count(snapshot, "Person"));

        var report = await held.FinishAsync();
        AssertPublished(report, baseCommit, attempts: 1);
        Assert.Equal([baseCommit, report.Commit!.GraphCommitId], await HistoryAsync(baseCommit));
        Assert.Empty(Directory.GetFiles(Path.Combine(_workspace.Graph, "recovery")));
    }

    /// <summary>
    /// The worker has written its recovery record, rewritten as the earlier protocol wrote it (heads moved before the
    /// publish; none moved yet), when a read-only <c>omnigraph snapshot</c> opens the graph: the write is incomplete, so
    /// the command's heal fences it out with a rollback commit (actor <c>omnigraph:recovery</c>) and the graph is
    /// unchanged; the worker, released, is re-prepared after the fence (insert) or refused with the typed conflict (update).
    /// </summary>
    [Theory]
    [MemberData(nameof(HeldMutations))]
    public async Task SnapshotCommand_OpeningTheGraph_FencesAnIncompleteLegacyWrite(string query, string parameters, bool reprepared)
    {
        await _workspace.InitAndLoadAsync();
        var baseCommit = await HeadCommitAsync();
        using var held = GraphWriteWorker.Start(_workspace.Graph, "held", GraphWriteJob.Mutation(AcceptanceFixtures.MutationQueries, query, parameters), [Failpoints.CommitManifestPublish], Signals);
        await held.WaitPausedAsync(Failpoints.CommitManifestPublish);
        await LegacySidecar.RewriteAsync(new LocalDirectoryObjectStore(_workspace.Graph));

        var snapshot = (await CliProcess.RunAsync("snapshot", _workspace.Graph, "--json")).Json();
        Assert.Equal(3, snapshot.GetProperty("graph_manifest_version").GetInt64());
        Assert.Equal(4, Count(snapshot, "Person"));
        var fence = (await CliRun.OkAsync("commit", "list", _workspace.Graph, "--json")).Json().GetProperty("commits")[0];
        Assert.Equal(CommitInfo.RecoveryActor, fence.GetProperty("actor_id").GetString());
        var fenceCommit = fence.GetProperty("graph_commit_id").GetString()!;

        await AssertHeldOutcomeAsync(await held.FinishAsync(), reprepared, baseCommit, fenceCommit);
        Assert.Equal(reprepared ? "Alice=30 Bob=25 Charlie=35 Diana=28 Eve=22" : "Alice=30 Bob=25 Charlie=35 Diana=28", await AgesAsync());
    }

    public void Dispose() => _workspace.Dispose();

    /// <summary>
    /// Once <paramref name="head"/> (published while the worker was held) is the head, the worker was re-prepared on it
    /// and published after it, or refused naming the head it prepared on and <paramref name="head"/>; the history says so.
    /// </summary>
    private async Task AssertHeldOutcomeAsync(GraphWriteReport report, bool reprepared, string baseCommit, string head)
    {
        if (reprepared)
        {
            AssertPublished(report, head, attempts: 2);
            Assert.Equal([baseCommit, head, report.Commit!.GraphCommitId], await HistoryAsync(baseCommit));
        }
        else
        {
            AssertConflict(report, baseCommit, head);
            Assert.Equal([baseCommit, head], await HistoryAsync(baseCommit));
        }
    }

    private string MutationFile() => _workspace.Write("m.gq", AcceptanceFixtures.MutationQueries);

    private async Task<string> HeadCommitAsync() =>
        (await CliRun.OkAsync("commit", "list", _workspace.Graph, "--json")).Json().GetProperty("commits")[0].GetProperty("graph_commit_id").GetString()!;

    /// <summary>The commit ids from <paramref name="from"/> to the head, oldest first; checks the history is one line.</summary>
    private async Task<string[]> HistoryAsync(string from)
    {
        var commits = (await CliRun.OkAsync("commit", "list", _workspace.Graph, "--json")).Json().GetProperty("commits").EnumerateArray().Reverse().ToArray();
        for (var i = 0; i < commits.Length; i++)
        {
            Assert.Equal(i + 1, commits[i].GetProperty("graph_manifest_version").GetInt64());
            Assert.Equal(i == 0 ? null : commits[i - 1].GetProperty("graph_commit_id").GetString(), commits[i].TryGetProperty("parent_commit_id", out var parent) ? parent.GetString() : null);
        }

        return [.. commits.Select(static c => c.GetProperty("graph_commit_id").GetString()!).SkipWhile(id => id != from)];
    }

    /// <summary>Every person's age from <c>omnigraph export</c>, by name.</summary>
    private async Task<string> AgesAsync()
    {
        var lines = (await CliRun.OkAsync("export", _workspace.Graph, "--type", "Person")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" ", lines
            .Select(static line => JsonDocument.Parse(line).RootElement.GetProperty("data"))
            .Select(static data => $"{data.GetProperty("name").GetString()}={data.GetProperty("age").GetInt32()}")
            .Order(StringComparer.Ordinal));
    }

    private async Task<long> CountAsync(string type) => Count((await CliRun.OkAsync("snapshot", _workspace.Graph, "--json")).Json(), type);

    private static long Count(JsonElement snapshot, string type) =>
        snapshot.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("type_name").GetString() == type).GetProperty("entity_count").GetInt64();
}
