using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.Hosting;
using Xunit.Abstractions;

namespace OmniGraph.Mutations.Tests.Cost;

/// <summary>
/// How many grain calls a one-row insert mutation costs, from the client's call to the end of its commit's background
/// completion (the head move and the sidecar delete), counted by a grain call filter on the silo. A budget, not a timing:
/// it only ever goes down, and the breakdown by method is printed so a change that adds a call says where.
/// </summary>
public sealed class WriteGrainCallBudgetTests(ITestOutputHelper output)
{
    /// <summary>
    /// 2026-12-07, seven: the mutation grain's call, its snapshot (<c>ResolveSnapshotAsync</c>), the write's entry
    /// (<c>BeginChainedWriteAsync</c>), the table's preparation (<c>PrepareVersionsAsync</c>, one per table per batch), the
    /// submission (<c>SubmitCommitsAsync</c>, one per batch), the wait for the outcome, and after the acknowledgement the
    /// completion's head move (<c>AdvanceHeadAsync</c>, one per table per batch).
    /// </summary>
    private const int InsertBudget = 7;

    [Fact]
    public async Task OneRowInsertMutation_StaysWithinItsGrainCallBudget()
    {
        var calls = new GrainCallCounter();
        await using var host = await MutationHost.InitAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData, silo: silo => silo.AddIncomingGrainCallFilter(calls));
        await host.MutateAsync("insert_person", """{"name":"Warm","age":30}""");
        await host.Manifest.GetRecoveryStatusAsync();

        calls.Reset();
        var change = await host.MutateAsync("insert_person", """{"name":"Counted","age":31}""");
        await host.Manifest.GetRecoveryStatusAsync();
        var counted = calls.Snapshot();

        Assert.Equal(1, change.AffectedNodes);
        foreach (var (method, count) in counted.OrderBy(static c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{count,3}  {method}");
        }

        // The settling call is not the write's.
        var total = counted.Values.Sum() - 1;
        output.WriteLine($"{total,3}  in all");
        Assert.InRange(total, 1, InsertBudget);
    }
}
