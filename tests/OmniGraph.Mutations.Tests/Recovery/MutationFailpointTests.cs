using OmniGraph.Engine;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;

namespace OmniGraph.Mutations.Tests.Recovery;

/// <summary>
/// A failure and a crash at every durable step of a multi-table mutation's commit: an insert of a node and an edge
/// (tables edge:Knows, node:Person) and a node delete with its cascade (edge:Knows, edge:WorksAt, node:Person). Readers
/// see the graph before or after the mutation, never a mix; the next mutation in the same silo, or a fresh silo on the
/// same directory, heals it; a mutation rolled forward is committed exactly once.
/// </summary>
public sealed class MutationFailpointTests
{
    private const string Actor = "m";
    private const string NextActor = "next";

    public static TheoryData<Scenario, Step> Cases()
    {
        var data = new TheoryData<Scenario, Step>();
        foreach (var scenario in new[] { Scenario.InsertNodeAndEdge, Scenario.DeleteNodeWithCascade })
        {
            var tables = scenario == Scenario.InsertNodeAndEdge ? 2 : 3;
            data.Add(scenario, new(nameof(Failpoints.CommitSidecarWrite), Failpoints.CommitSidecarWrite, FailpointAction.FailBefore, 1, Outcome.Fails, false, false, false));
            data.Add(scenario, new(nameof(Failpoints.CommitSidecarWrite), Failpoints.CommitSidecarWrite, FailpointAction.CrashAfter, 1, Outcome.Crashes, false, true, false));
            for (var hit = 1; hit <= tables; hit++)
            {
                data.Add(scenario, new($"{nameof(Failpoints.CommitTableHeadAdvance)}#{hit}", Failpoints.CommitTableHeadAdvance, FailpointAction.FailBefore, hit, Outcome.Fails, false, false, false));
                data.Add(scenario, new($"{nameof(Failpoints.CommitTableHeadAdvance)}#{hit}", Failpoints.CommitTableHeadAdvance, FailpointAction.CrashAfter, hit, Outcome.Crashes, false, true, hit == tables));
            }

            data.Add(scenario, new(nameof(Failpoints.CommitManifestPublish), Failpoints.CommitManifestPublish, FailpointAction.FailBefore, 1, Outcome.RecoveryRequired, false, true, true));
            data.Add(scenario, new(nameof(Failpoints.CommitManifestPublish), Failpoints.CommitManifestPublish, FailpointAction.CrashAfter, 1, Outcome.Crashes, true, true, true));
            data.Add(scenario, new(nameof(Failpoints.CommitSidecarDelete), Failpoints.CommitSidecarDelete, FailpointAction.FailBefore, 1, Outcome.Succeeds, true, true, true));
            data.Add(scenario, new(nameof(Failpoints.CommitSidecarDelete), Failpoints.CommitSidecarDelete, FailpointAction.CrashAfter, 1, Outcome.Crashes, true, false, true));
        }

        return data;
    }

    /// <summary>The heal happens at the next mutation in the same silo.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FailureAtAStep_ThenTheNextMutation_HealsToOldOrNew(Scenario scenario, Step step)
    {
        await using var host = await MutationHost.StandardAsync();

        await FailAsync(host, scenario, step);

        var next = await host.MutateAsync("insert_person", """{"name":"Nina","age":40}""", actor: NextActor);
        Assert.Equal((await host.HeadAsync()).Commit.Id, next.Commit!.GraphCommitId);
        await AssertHealedAsync(host, scenario, step.RollsForward, nextWritten: true);
    }

    /// <summary>The silo is killed after the failure; a fresh silo on the same directory heals when it opens the graph.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FailureAtAStep_ThenKill_AFreshSiloHealsOnOpen(Scenario scenario, Step step)
    {
        using var directory = new TempDirectory();
        var first = await MutationHost.InitAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData, new LocalDirectoryObjectStore(directory.Path));
        await FailAsync(first, scenario, step);
        await first.KillAsync();

        await using var fresh = await MutationHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        await fresh.HeadAsync();
        await AssertHealedAsync(fresh, scenario, step.RollsForward, nextWritten: false);
        await fresh.MutateAsync("insert_person", """{"name":"Nina","age":40}""", actor: NextActor);
        await AssertHealedAsync(fresh, scenario, step.RollsForward, nextWritten: true);
    }

    private static Task<ChangeOutput> RunScenarioAsync(MutationHost host, Scenario scenario) => scenario == Scenario.InsertNodeAndEdge
        ? host.MutateAsync("insert_person_and_friend", """{"name":"Eve","age":22,"friend":"Alice"}""", actor: Actor)
        : host.MutateAsync("remove_person", """{"name":"Alice"}""", actor: Actor);

    private static async Task FailAsync(MutationHost host, Scenario scenario, Step step)
    {
        var armed = host.Failpoints.Arm(step.Point, step.Action, step.Hit);
        var mutation = RunScenarioAsync(host, scenario);
        switch (step.Outcome)
        {
            case Outcome.Fails:
                await Assert.ThrowsAsync<FailpointInjectedException>(() => mutation);
                break;
            case Outcome.Crashes:
                await Assert.ThrowsAsync<SimulatedCrashException>(() => mutation);
                break;
            case Outcome.RecoveryRequired:
                var recovery = await Assert.ThrowsAsync<RecoveryRequiredException>(() => mutation);
                Assert.IsType<FailpointInjectedException>(recovery.InnerException);
                break;
            default:
                await mutation;
                break;
        }

        Assert.Equal(1, armed.FireCount);
        host.Failpoints.DisarmAll();
        Assert.Equal(step.VisibleAfter, await ReadAllOrNothingAsync(host, scenario));
        Assert.Equal(step.SidecarAfter, (await host.SidecarsAsync()).Count == 1);
    }

    /// <summary>Reads one snapshot and checks it holds all of the mutation or none of it; returns whether it holds it.</summary>
    private static async Task<bool> ReadAllOrNothingAsync(MutationHost host, Scenario scenario)
    {
        var snapshot = await host.HeadAsync();
        var people = (await host.RowsAsync("node:Person", snapshot)).Select(static r => r.Id).ToList();
        var knows = await host.RowsAsync("edge:Knows", snapshot);
        var worksAt = await host.RowsAsync("edge:WorksAt", snapshot);
        if (scenario == Scenario.InsertNodeAndEdge)
        {
            var hasEve = people.Contains("Eve");
            var hasEdge = knows.Any(static e => e.Source == "Eve" && e.Target == "Alice");
            Assert.True(hasEve == hasEdge, $"a mixed image: Eve {hasEve}, Eve->Alice {hasEdge}");
            return hasEve;
        }

        var aliceGone = !people.Contains("Alice");
        var knowsGone = !knows.Any(static e => e.Source == "Alice" || e.Target == "Alice");
        var worksGone = !worksAt.Any(static e => e.Source == "Alice");
        Assert.True(aliceGone == knowsGone && knowsGone == worksGone, $"a mixed image: Alice gone {aliceGone}, Knows gone {knowsGone}, WorksAt gone {worksGone}");
        return aliceGone;
    }

    private static async Task AssertHealedAsync(MutationHost host, Scenario scenario, bool rolledForward, bool nextWritten)
    {
        await GraphAssertions.ConsistentAsync(host);
        Assert.Equal(rolledForward, await ReadAllOrNothingAsync(host, scenario));
        var history = await GraphAssertions.LinearHistoryAsync(host);
        Assert.Equal(rolledForward ? 1 : 0, history.Count(static c => c.Actor == Actor));
        Assert.True(history.Count(static c => c.Actor == CommitInfo.RecoveryActor) <= 1);
        if (rolledForward)
        {
            Assert.Equal(0, history.Count(static c => c.Actor == CommitInfo.RecoveryActor));
        }

        Assert.Equal(nextWritten ? 1 : 0, history.Count(static c => c.Actor == NextActor));
    }

    public enum Scenario
    {
        InsertNodeAndEdge,
        DeleteNodeWithCascade,
    }

    public enum Outcome
    {
        Fails,
        Crashes,
        RecoveryRequired,
        Succeeds,
    }

    /// <summary>One durable step and what breaking it does.</summary>
    public sealed record Step(string Name, Failpoint Point, FailpointAction Action, int Hit, Outcome Outcome, bool VisibleAfter, bool SidecarAfter, bool RollsForward)
    {
        public override string ToString() => $"{Name} {Action}";
    }
}
