using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Concurrency;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Concurrency;

/// <summary>
/// Two silos on one directory (separate stores, separate activations: two processes as far as the graph is concerned)
/// writing at once: one winner per head, the loser re-prepares (retryable writes) or gets the typed conflict; no lost
/// rows, no duplicate keys, a linear commit chain.
/// </summary>
public sealed class TwoSiloWriteTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private GraphHost _a = null!;
    private GraphHost _b = null!;

    public async Task InitializeAsync()
    {
        _a = await GraphHost.InitAsync(new LocalDirectoryObjectStore(_directory.Path), configure: o => o.MaxWriteAttempts = 64);
        _b = await GraphHost.StartAsync(new LocalDirectoryObjectStore(_directory.Path), o => o.MaxWriteAttempts = 64);

        // Activate B's manifest grain now: an activation heals every sidecar it finds, fencing writes in flight in A
        // (by design, see docs/commits-and-recovery.md), which would add a rollback commit whenever B happened to
        // activate in the middle of one of A's commits.
        await _b.HeadAsync();
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task ConcurrentRetryableInserts_FromBothSilos_AllLand_OnALinearChain()
    {
        static async Task Writer(GraphHost host, string prefix)
        {
            for (var i = 0; i < 8; i++)
            {
                await host.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main,
                    [TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons($"{prefix}{i}"))])
                { RetryOnReadSetChange = true });
            }
        }

        await Task.WhenAll(Writer(_a, "a"), Writer(_a, "b"), Writer(_b, "c"), Writer(_b, "d"));

        await SettleAsync();

        var people = await _b.ColumnAsync("node:Person", "id");
        Assert.Equal(32, people.Count);
        Assert.Equal(32, people.Distinct().Count());
        var history = await GraphAssertions.LinearHistoryAsync(_a);
        Assert.Equal(33, history.Count);
        await GraphAssertions.ConsistentAsync(_a);
        await GraphAssertions.ConsistentAsync(_b);
    }

    [Fact]
    public async Task DisjointTables_BothPreparedOnTheSameHead_OneWinsTheVersion_TheOtherReprepares()
    {
        var (first, second) = await RaceAsync(
            new GraphWriteRequest(BranchNames.Main, [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice"))]) { RetryOnReadSetChange = true },
            new GraphWriteRequest(BranchNames.Main, [TableWrite.FromBatches("node:Company", TableWriteMode.Upsert, Rows.Companies("Acme"))]) { RetryOnReadSetChange = true });

        var winner = await first;
        var loser = await second;
        Assert.Equal(1, winner.Attempts);
        Assert.Equal(2, loser.Attempts);
        Assert.Equal(winner.Commit.Id, loser.Commit.ParentId);
        Assert.Equal(["Alice"], await _a.ColumnAsync("node:Person", "id"));
        Assert.Equal(["Acme"], await _a.ColumnAsync("node:Company", "id"));
        await SettleAsync();
        await GraphAssertions.LinearHistoryAsync(_a);
        await GraphAssertions.ConsistentAsync(_b);
    }

    [Fact]
    public async Task StrictInsertsOfTheSameId_OneWins_TheOtherGetsAKeyConflict_NeverAnUpsert()
    {
        var (first, second) = await RaceAsync(
            new GraphWriteRequest(BranchNames.Main, [TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons(("SAME", 1, null), ("LEFT", 1, null)))]) { RetryOnReadSetChange = true },
            new GraphWriteRequest(BranchNames.Main, [TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons(("SAME", 2, null), ("RIGHT", 2, null)))]) { RetryOnReadSetChange = true });

        await first;
        var conflict = await ErrorAssert.ThrowsAsync(ErrorCodes.KeyConflict, () => second);
        Assert.Equal("SAME", conflict.Get(ErrorDetail.EntityId));
        Assert.Equal(["SAME", "LEFT"], await _b.ColumnAsync("node:Person", "id"));
        await SettleAsync();
        await GraphAssertions.LinearHistoryAsync(_a);
        await GraphAssertions.ConsistentAsync(_a);
    }

    [Fact]
    public async Task ConcurrentOverwrites_AreNotRetried_TheLoserGetsReadSetChanged()
    {
        var (first, second) = await RaceAsync(
            new GraphWriteRequest(BranchNames.Main, [TableWrite.FromBatches("node:Person", TableWriteMode.Overwrite, Rows.Persons("One"))]),
            new GraphWriteRequest(BranchNames.Main, [TableWrite.FromBatches("node:Person", TableWriteMode.Overwrite, Rows.Persons("Two"))]));

        await first;
        var conflict = await Assert.ThrowsAsync<ReadSetChangedException>(() => second);
        Assert.Equal("read_set_conflict", conflict.Code);
        Assert.Equal(["One"], await _b.ColumnAsync("node:Person", "id"));
        await SettleAsync();
        await GraphAssertions.ConsistentAsync(_b);
        Assert.Equal(2, (await GraphAssertions.LinearHistoryAsync(_a)).Count);
    }

    /// <summary>Both processes complete what they acknowledged (heads and sidecar deletes follow the acknowledgement).</summary>
    private async Task SettleAsync()
    {
        await _a.Manifest.GetRecoveryStatusAsync();
        await _b.Manifest.GetRecoveryStatusAsync();
    }

    /// <summary>Prepares one write in each silo against the same head, then commits the first before the second goes on.</summary>
    private Task<(Task<GraphWriteResult> First, Task<GraphWriteResult> Second)> RaceAsync(GraphWriteRequest first, GraphWriteRequest second) =>
        CommitRace.RunAsync(_a, host => host.Client.WriteAsync(first), _b, host => host.Client.WriteAsync(second));
}
