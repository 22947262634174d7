using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;

using Step = OmniGraph.Mutations.Tests.Recovery.WriteFailpointMatrixTests.Step;

namespace OmniGraph.Mutations.Tests.Recovery;

/// <summary>
/// Every durable step of a merge × {fail before, crash after}: staging the merged rows, then the commit's staged flush,
/// sidecar, publish, each of the two table heads and the sidecar delete. Main shows the merge whole or not at all; the next write
/// in the same silo, or a fresh silo after a kill, heals it; the merge commit (with its merged parent) lands exactly
/// once when rolled forward, and a merge retried afterwards is up to date, or lands with the same result. The source's
/// deletion (<c>--delete-branch</c>) is a step of its own: a refusal is reported and the merge stands.
/// </summary>
public sealed class MergeFailpointMatrixTests
{
    private const string NextActor = "next";
    private const string Merger = "merger";

    /// <summary>
    /// The merge's staging, then each durable step of its commit (two tables), broken both ways, with what that leaves:
    /// before the sidecar exists nothing is left; once it exists the merge is complete on disk and the heal publishes it;
    /// from the publish on it is acknowledged, and the steps after it (table heads, sidecar delete) run in the background.
    /// </summary>
    public static TheoryData<Step> Steps() => CoordinatedWriteSteps.For(Failpoints.MergeStage, nameof(Failpoints.MergeStage), tables: 2);

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task FailureAtAStep_ThenTheNextWrite_HealsToOldOrMerged(Step step)
    {
        await using var host = await PrepareAsync(null);

        await FailAsync(host, step);

        await host.MutateAsync("insert_person", """{"name":"Nina","age":40}""", actor: NextActor);
        await AssertHealedAsync(host, step.RollsForward);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task FailureAtAStep_ThenKill_AFreshSiloHealsOnOpen(Step step)
    {
        using var directory = new TempDirectory();
        var first = await PrepareAsync(new LocalDirectoryObjectStore(directory.Path));
        await FailAsync(first, step);
        await first.KillAsync();

        await using var fresh = await MutationHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        await fresh.HeadAsync();
        await AssertHealedAsync(fresh, step.RollsForward);
    }

    /// <summary><c>--delete-branch</c>: the deletion's registry write fails, or the process dies after it.</summary>
    [Theory]
    [InlineData(FailpointAction.FailBefore)]
    [InlineData(FailpointAction.CrashAfter)]
    public async Task DeletingTheSourceFails_TheMergeStands(FailpointAction action)
    {
        await using var host = await PrepareAsync(null);
        host.Failpoints.Arm(Failpoints.BranchRegistryWrite, action);
        var request = new BranchMergeRequest("feature") { Actor = Merger, DeleteBranch = true };
        if (action == FailpointAction.FailBefore)
        {
            var merge = await host.Client.MergeBranchAsync(request);
            Assert.Equal((BranchMergeOutcome.Merged, false), (merge.Outcome, merge.BranchDeleted));
            Assert.StartsWith(ErrorCodes.FailpointInjected, merge.BranchDeleteError, StringComparison.Ordinal);
            Assert.Equal(["main", "feature"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));
        }
        else
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(() => host.Client.MergeBranchAsync(request));
            Assert.Equal(["main"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));
        }

        host.Failpoints.DisarmAll();
        Assert.True(await MergedAsync(host));
        await GraphAssertions.ConsistentAsync(host);
    }

    /// <summary>STD with <c>feature</c> (Eve and Alice→Eve: two tables) and a change on main (Bob 26).</summary>
    private static async Task<MutationHost> PrepareAsync(IObjectStore? store)
    {
        var host = await MutationHost.InitAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData, store);
        await host.Client.CreateBranchAsync("feature");
        await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""", branch: "feature");
        await host.MutateAsync("add_friend", """{"from":"Alice","to":"Eve"}""", branch: "feature");
        await host.MutateAsync("set_age", """{"name":"Bob","age":26}""");
        return host;
    }

    private static async Task FailAsync(MutationHost host, Step step)
    {
        // The writes that built the graph are completed first: a failpoint armed now meets only the merge under test.
        await host.Manifest.GetRecoveryStatusAsync();
        var armed = host.Failpoints.Arm(step.Point, step.Action, step.Hit);
        var merged = await CoordinatedWriteSteps.ExpectAsync(host.Client.MergeBranchAsync(new BranchMergeRequest("feature") { Actor = Merger }), step.Outcome);
        Assert.True(merged is null || merged.Outcome == BranchMergeOutcome.Merged);

        // A step after the acknowledgement runs in the background: wait for it (and its completion) before looking.
        await armed.Fired.WaitAsync(TimeSpan.FromSeconds(30));
        await host.Manifest.GetRecoveryStatusAsync();
        Assert.Equal(1, armed.FireCount);
        host.Failpoints.DisarmAll();
        Assert.Equal(step.VisibleAfter, await MergedAsync(host));
        Assert.Equal(step.SidecarAfter, (await host.SidecarsAsync()).Count == 1);
        Assert.Equal("26", (await host.FindAsync("node:Person", "Bob"))!["age"]);
    }

    private static async Task AssertHealedAsync(MutationHost host, bool rolledForward)
    {
        await GraphAssertions.ConsistentAsync(host);
        Assert.Equal(rolledForward, await MergedAsync(host));
        var history = await GraphAssertions.LinearHistoryAsync(host);
        var merges = history.Where(static c => c.Kind == CommitKinds.Merge).ToArray();
        Assert.Equal(rolledForward ? 1 : 0, merges.Length);
        Assert.All(merges, static c => Assert.Equal(Merger, c.Actor));
        var feature = (await host.HeadAsync("feature")).Commit.Id;
        Assert.All(merges, c => Assert.Equal(feature, c.MergedParentId));
        Assert.True(history.Count(static c => c.Actor == CommitInfo.RecoveryActor) <= (rolledForward ? 0 : 1));

        // Retried: up to date when it rolled forward, otherwise it lands now with the same result.
        var again = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature") { Actor = Merger });
        Assert.Equal(rolledForward ? BranchMergeOutcome.AlreadyUpToDate : BranchMergeOutcome.Merged, again.Outcome);
        Assert.True(await MergedAsync(host));
        await GraphAssertions.ConsistentAsync(host);
    }

    /// <summary>Whether main shows the whole merge (Eve and Alice→Eve), asserting it never shows half of it.</summary>
    private static async Task<bool> MergedAsync(MutationHost host)
    {
        var eve = await host.FindAsync("node:Person", "Eve") is not null;
        var edge = (await host.TargetsAsync("edge:Knows", "Alice")).Contains("Eve");
        Assert.Equal(eve, edge);
        return eve;
    }
}
