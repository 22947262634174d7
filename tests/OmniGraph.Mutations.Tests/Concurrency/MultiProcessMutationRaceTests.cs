using OmniGraph.Grains.FailureInjection;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Concurrency;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.Recovery;
using OmniGraph.TestWorker.Verbs;
using static OmniGraph.Testing.Concurrency.ProcessRace;

namespace OmniGraph.Mutations.Tests.Concurrency;

/// <summary>
/// Two operating-system processes, each with its own embedded silo (as two CLI commands are), mutate one graph
/// directory. Each is held at a step of the commit protocol (a failpoint paused in the child process, released through
/// a file), so both are provably past their preparation and before their publish at the same time; the order of the
/// releases decides the interleaving and every outcome is asserted exactly: the first to go publishes; the other is
/// re-prepared on the new head (an insert-only mutation) or refused with <c>read_set_conflict</c> naming both heads
/// (a mutation that read the old head). The graph then holds exactly what the published writes, replayed one after the
/// other on a copy of the starting graph, produce: no lost write, no mixed state, one linear history.
/// </summary>
public sealed class MultiProcessMutationRaceTests
{
    private const string Queries = AcceptanceFixtures.MutationQueries + """

        query add_company($name: String) { insert Company { name: $name } }
        """;

    /// <summary>B after A: what happens to the write released second.</summary>
    public enum Second
    {
        /// <summary>Re-prepared on A's commit and published (attempt 2).</summary>
        Reprepared,

        /// <summary>Refused with <c>read_set_conflict</c> on the branch head.</summary>
        Conflict,
    }

    public static TheoryData<string, string, string, string, string, Second> SequentialCases() => new()
    {
        // Both prepared, neither has an effect (paused before the sidecar): distinct and overlapping keys, each kind.
        { nameof(Failpoints.CommitSidecarWrite), "insert_person", """{"name":"Eve","age":22}""", "insert_person", """{"name":"Frank","age":33}""", Second.Reprepared },
        { nameof(Failpoints.CommitSidecarWrite), "insert_person", """{"name":"Zed","age":1}""", "insert_person", """{"name":"Zed","age":2}""", Second.Reprepared },
        { nameof(Failpoints.CommitSidecarWrite), "set_age", """{"name":"Alice","age":31}""", "set_age", """{"name":"Bob","age":26}""", Second.Conflict },
        { nameof(Failpoints.CommitSidecarWrite), "set_age", """{"name":"Alice","age":31}""", "set_age", """{"name":"Alice","age":32}""", Second.Conflict },
        { nameof(Failpoints.CommitSidecarWrite), "remove_person", """{"name":"Charlie"}""", "remove_person", """{"name":"Diana"}""", Second.Conflict },
        { nameof(Failpoints.CommitSidecarWrite), "remove_friendship", """{"from":"Alice"}""", "remove_friendship", """{"from":"Alice"}""", Second.Conflict },
        { nameof(Failpoints.CommitSidecarWrite), "set_age", """{"name":"Alice","age":31}""", "insert_person", """{"name":"Eve","age":22}""", Second.Reprepared },

        // Both past their sidecar (complete), both about to publish the same manifest version: the second loses it, on
        // the same tables or on disjoint ones. (Heads move only after the publish.)
        { nameof(Failpoints.CommitManifestPublish), "insert_person_and_friend", """{"name":"Frank","age":33,"friend":"Alice"}""", "insert_person_and_friend", """{"name":"Gina","age":44,"friend":"Bob"}""", Second.Reprepared },
        { nameof(Failpoints.CommitManifestPublish), "set_age", """{"name":"Alice","age":31}""", "remove_person", """{"name":"Bob"}""", Second.Conflict },
        { nameof(Failpoints.CommitManifestPublish), "insert_person", """{"name":"Eve","age":22}""", "add_company", """{"name":"Initech"}""", Second.Reprepared },
        { nameof(Failpoints.CommitManifestPublish), "set_age", """{"name":"Alice","age":31}""", "remove_friendship", """{"from":"Bob"}""", Second.Conflict },
    };

    [Theory]
    [MemberData(nameof(SequentialCases))]
    public async Task BothHeldAtAStep_FirstReleasedPublishes_SecondIsReprepareOrConflict(string step, string queryA, string parametersA, string queryB, string parametersB, Second expected)
    {
        using var race = await RaceAsync();
        var (jobA, jobB) = (Job(queryA, parametersA), Job(queryB, parametersB));
        var (first, second) = await race.RunOneAfterTheOtherAsync(jobA, jobB, Step(step));

        if (expected == Second.Reprepared)
        {
            AssertPublished(second, first.Commit!.GraphCommitId, attempts: 2);
            await race.AssertHistoryAndContentsAsync(fenced: false, (first, jobA), (second, jobB));
        }
        else
        {
            AssertConflict(second, race.BaseCommit, first.Commit!.GraphCommitId);
            await race.AssertHistoryAndContentsAsync(fenced: false, (first, jobA));
        }
    }

    public static TheoryData<string, string, string, string, Second> SimultaneousCases() => new()
    {
        { "insert_person", """{"name":"Eve","age":22}""", "add_company", """{"name":"Initech"}""", Second.Reprepared },
        { "set_age", """{"name":"Alice","age":31}""", "remove_friendship", """{"from":"Bob"}""", Second.Conflict },
    };

    /// <summary>
    /// Disjoint tables, both heads moved, both paused before creating the same manifest version, released together: the
    /// store's create-if-absent picks exactly one winner, and the loser undoes its heads and is re-prepared or refused.
    /// </summary>
    [Theory]
    [MemberData(nameof(SimultaneousCases))]
    public async Task BothAboutToPublish_ReleasedTogether_ExactlyOneWinsTheVersion(string queryA, string parametersA, string queryB, string parametersB, Second loser)
    {
        using var race = await RaceAsync();
        var jobs = new Dictionary<string, GraphWriteJob> { ["a"] = Job(queryA, parametersA), ["b"] = Job(queryB, parametersB) };
        using var a = race.Start("a", jobs["a"], StepsTo(Failpoints.CommitManifestPublish));
        using var b = race.Start("b", jobs["b"], StepsTo(Failpoints.CommitManifestPublish));
        await HoldBothAsync(a, b, Failpoints.CommitManifestPublish);

        a.Release(Failpoints.CommitManifestPublish);
        b.Release(Failpoints.CommitManifestPublish);
        var reports = new[] { await a.WaitAsync(), await b.WaitAsync() };

        var winner = Assert.Single(reports, static r => r.Committed && r.Attempts == 1);
        var other = reports.Single(r => !ReferenceEquals(r, winner));
        AssertPublished(winner, race.BaseCommit, attempts: 1);
        if (loser == Second.Reprepared)
        {
            AssertPublished(other, winner.Commit!.GraphCommitId, attempts: 2);
            await race.AssertHistoryAndContentsAsync(fenced: false, (winner, jobs[winner.Worker]), (other, jobs[other.Worker]));
        }
        else
        {
            AssertConflict(other, race.BaseCommit, winner.Commit!.GraphCommitId);
            await race.AssertHistoryAndContentsAsync(fenced: false, (winner, jobs[winner.Worker]));
        }
    }

    /// <summary>
    /// A stands between writing its sidecar and publishing (complete: its staged objects are durable; not visible) when
    /// another process opens the graph: that process's activation heal publishes A's write and its own insert lands on
    /// top; A, released, finds its own commit published.
    /// </summary>
    [Fact]
    public async Task AProcessOpeningTheGraph_RollsACompleteWriteForward_AndWritesOnTop()
    {
        using var race = await RaceAsync();
        var (update, insert) = (Job("set_age", """{"name":"Alice","age":31}"""), Job("insert_person", """{"name":"Eve","age":22}"""));
        using var a = race.Start("a", update, [Failpoints.CommitManifestPublish]);
        await a.WaitPausedAsync(Failpoints.CommitManifestPublish);

        using var b = race.Start("b", insert);
        var second = await b.WaitAsync();
        var first = await a.FinishAsync();

        AssertPublished(first, race.BaseCommit, attempts: 1);
        AssertPublished(second, first.Commit!.GraphCommitId, attempts: 1);
        await race.AssertHistoryAndContentsAsync(fenced: false, (first, update), (second, insert));
    }

    public static TheoryData<string, string, Second> FencedCases() => new()
    {
        { "insert_person", """{"name":"Eve","age":22}""", Second.Reprepared },
        { "set_age", """{"name":"Alice","age":31}""", Second.Conflict },
    };

    /// <summary>
    /// A has written its sidecar and stands before its publish, its sidecar rewritten as the earlier protocol wrote it
    /// (heads moved before the publish; none moved yet: incomplete), when another process opens the graph: that process's
    /// activation heal fences A out (a rollback commit takes A's version) and its own write lands on top. A, released,
    /// cannot publish: an insert is re-prepared on the new head, an update is refused with the typed conflict.
    /// </summary>
    [Theory]
    [MemberData(nameof(FencedCases))]
    public async Task AProcessOpeningTheGraph_FencesAnIncompleteLegacyWrite_WhichIsThenReprepareOrConflict(string queryA, string parametersA, Second expected)
    {
        using var race = await RaceAsync();
        var (jobA, jobB) = (Job(queryA, parametersA), Job("insert_person", """{"name":"Frank","age":33}"""));
        using var a = race.Start("a", jobA, [Failpoints.CommitManifestPublish]);
        await a.WaitPausedAsync(Failpoints.CommitManifestPublish);
        await LegacySidecar.RewriteAsync(new LocalDirectoryObjectStore(race.Graph));

        using var b = race.Start("b", jobB);
        var second = await b.WaitAsync();
        var first = await a.FinishAsync();

        Assert.True(second.Committed, second.ToString());
        Assert.Equal(1, second.Attempts);
        if (expected == Second.Reprepared)
        {
            AssertPublished(first, second.Commit!.GraphCommitId, attempts: 2);
            await race.AssertHistoryAndContentsAsync(fenced: true, (second, jobB), (first, jobA));
        }
        else
        {
            AssertConflict(first, race.BaseCommit, second.Commit!.GraphCommitId);
            await race.AssertHistoryAndContentsAsync(fenced: true, (second, jobB));
        }
    }

    private static GraphWriteJob Job(string query, string parameters) => GraphWriteJob.Mutation(Queries, query, parameters);

    private static Task<RacedGraph<MutationHost>> RaceAsync() =>
        RacedGraph<MutationHost>.CreateAsync(static store => MutationHost.StartAsync(store), AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData);
}
