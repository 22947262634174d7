using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Hosting;
using Orleans.Runtime.Messaging;

namespace OmniGraph.Grains.Tests.Cluster;

/// <summary>
/// A client whose gateway silo dies goes on through the other silo: the graph's grains that lived on the dead silo
/// activate again on the survivor (their state is in the store), nothing written is lost, and the next write lands.
/// </summary>
public sealed class GatewayReconnectTests() : ClusterShapedTests(ClusterShape.TwoSilos)
{
    /// <summary>Tries of a call while the client learns that its gateway died (each after a short pause): a budget, not a timing.</summary>
    private const int MaxTries = 120;

    [Fact]
    public async Task GatewaySiloKilled_ClientReconnectsThroughTheSurvivor_DataIntact_WritesGoOn()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        Assert.Equal(2, host.Cluster.Silos.Count);
        var before = await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons("Alice", "Bob")));

        // Silo 0 is a gateway of the client (every test silo is one) and the primary: the harder one to lose.
        await host.Cluster.KillSiloAsync(host.Cluster.Silos[0]);
        Assert.Single(host.Cluster.Silos);

        var head = await ReconnectedAsync(() => host.HeadAsync());
        Assert.Equal(before.Commit.Id, head.Commit.Id);
        Assert.Equal(["Alice", "Bob"], (await host.ColumnAsync("node:Person", "id")).Order(StringComparer.Ordinal));

        var after = await ReconnectedAsync(() => host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons("Carol"))));
        Assert.Equal(before.Commit.Id, after.Commit.ParentId);
        Assert.Equal(3, (await host.ColumnAsync("node:Person", "id")).Count);
        await GraphAssertions.ConsistentAsync(host);
    }

    /// <summary>
    /// The call's result once the client reaches a live gateway and the dead silo's grains are reachable again. Only
    /// the failures of a lost silo are retried; a write that failed that way did not commit (the commit protocol
    /// leaves old or new), so trying it again is sound here.
    /// </summary>
    private static async Task<T> ReconnectedAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (attempt < MaxTries && IsLostSilo(exception))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    private static bool IsLostSilo(Exception exception) =>
        exception is ConnectionFailedException or SiloUnavailableException or OrleansMessageRejectionException or TimeoutException;
}
