using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Hosting;
using OmniGraph.Testing.IO;
using OmniGraph.TestWorker.Handshake;
using OmniGraph.TestWorker.Verbs;
using Xunit;

namespace OmniGraph.Testing.Concurrency;

/// <summary>
/// A graph directory raced by <c>graph-write</c> worker processes (each its own embedded silo, as CLI commands are), with
/// a pristine copy of the starting graph for replaying the published writes one after the other. The workers pause at
/// failpoints and go on when released (<see cref="GraphWriteWorker"/>, <see cref="ProcessRace"/>), so a test chooses
/// the interleaving and asserts one exact outcome; <see cref="AssertHistoryAndContentsAsync"/> then proves nothing was
/// lost or mixed.
/// </summary>
/// <typeparam name="THost">The in-process host that reads the raced graph and replays the writes (with the features they need).</typeparam>
public sealed class RacedGraph<THost> : IDisposable
    where THost : GraphTestHost
{
    private readonly TempDirectory _directory = new();
    private readonly Func<IObjectStore, Task<THost>> _start;

    private RacedGraph(Func<IObjectStore, Task<THost>> start) => _start = start;

    /// <summary>The raced graph's directory.</summary>
    public string Graph => _directory.Combine("graph");

    /// <summary>The head commit of the starting graph: what every worker prepares against unless told otherwise.</summary>
    public string BaseCommit { get; private set; } = string.Empty;

    private string Signals => _directory.Combine("signals");

    private string Replay => _directory.Combine("replay");

    /// <summary>A graph with <paramref name="schema"/> and <paramref name="data"/> loaded (overwrite: two commits), started with <paramref name="start"/>.</summary>
    public static async Task<RacedGraph<THost>> CreateAsync(Func<IObjectStore, Task<THost>> start, string schema, string data)
    {
        ArgumentNullException.ThrowIfNull(start);
        var race = new RacedGraph<THost>(start);
        try
        {
            await using (var host = await start(new LocalDirectoryObjectStore(new LocalObjectStoreOptions { RootPath = race.Graph, CreateRootIfMissing = true })))
            {
                await host.Client.InitializeAsync(schema);
                await host.Client.LoadJsonlAsync(data, GraphLoadMode.Overwrite);
                race.BaseCommit = (await host.HeadAsync()).Commit.Id;
            }

            StoreFiles.CopyTree(race.Graph, race.Replay);
            return race;
        }
        catch
        {
            race.Dispose();
            throw;
        }
    }

    /// <summary>Writes a file (a load's data) beside the graph and returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = _directory.Combine(name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Starts worker <paramref name="name"/> making <paramref name="job"/>, pausing at <paramref name="pauses"/> in turn.</summary>
    public GraphWriteWorker Start(string name, GraphWriteJob job, Failpoint[]? pauses = null, int? maxAttempts = null) =>
        GraphWriteWorker.Start(Graph, name, job, pauses, pauses is null ? null : Signals, maxAttempts);

    /// <summary>
    /// Two workers making <paramref name="first"/> and <paramref name="second"/> are held together at
    /// <paramref name="step"/> (<see cref="ProcessRace.HoldBothAsync"/>); the first is released and finishes, then the
    /// second. Checks that both stood at every pause and that the first published on <see cref="BaseCommit"/>.
    /// </summary>
    public async Task<(GraphWriteReport First, GraphWriteReport Second)> RunOneAfterTheOtherAsync(GraphWriteJob first, GraphWriteJob second, Failpoint step)
    {
        var steps = ProcessRace.StepsTo(step);
        using var a = Start("a", first, steps);
        using var b = Start("b", second, steps);
        await ProcessRace.HoldBothAsync(a, b, step);

        var reports = (First: await a.FinishAsync(), Second: await b.FinishAsync());
        Assert.Equal(steps.Length, reports.First.Pauses);
        Assert.Equal(steps.Length, reports.Second.Pauses);
        ProcessRace.AssertPublished(reports.First, BaseCommit, attempts: 1);
        return reports;
    }

    /// <summary>
    /// The raced graph is consistent (no sidecar, heads as published); its history after the starting graph is (a
    /// recovery rollback commit when <paramref name="fenced"/>, then) exactly the <paramref name="published"/> writes in
    /// order; and it holds exactly what those writes give when replayed one after the other on the starting graph.
    /// </summary>
    public async Task AssertHistoryAndContentsAsync(bool fenced, params (GraphWriteReport Report, GraphWriteJob Job)[] published)
    {
        ArgumentNullException.ThrowIfNull(published);
        await using var raced = await _start(new LocalDirectoryObjectStore(Graph));
        await GraphAssertions.ConsistentAsync(raced);
        var history = (await GraphAssertions.LinearHistoryAsync(raced)).SkipWhile(c => c.Id != BaseCommit).Skip(1).ToList();
        if (fenced)
        {
            Assert.Equal("recovery_rollback", history[0].Kind);
            Assert.Equal(CommitInfo.RecoveryActor, history[0].Actor);
            history.RemoveAt(0);
        }

        Assert.Equal(published.Select(static p => p.Report.Commit!.GraphCommitId), history.Select(static c => c.Id));

        await using var replay = await _start(new LocalDirectoryObjectStore(Replay));
        foreach (var (_, job) in published)
        {
            await job.RunAsync(replay.Client, "replay");
        }

        Assert.Equal(await replay.ContentsAsync(), await raced.ContentsAsync());
    }

    /// <summary>Deletes the directories (the workers are disposed by the test first).</summary>
    public void Dispose() => _directory.Dispose();
}
