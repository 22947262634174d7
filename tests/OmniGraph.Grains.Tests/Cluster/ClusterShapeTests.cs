using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Hosting;

namespace OmniGraph.Grains.Tests.Cluster;

/// <summary>
/// The shape dimension itself: a shaped suite's hosts deploy the shape's silos, and random placement really spreads
/// one graph's grains over several silos (so the 3-silo runs of the suites cross silos on the calls between grains).
/// </summary>
public abstract class ClusterShapeTests(ClusterShape shape) : ClusterShapedTests(shape)
{
    [Fact]
    public async Task HostsOfAShapedSuite_DeployTheShape()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());

        Assert.Equal(Shape, host.Cluster.Shape);
        Assert.Equal(Shape.Silos, host.Cluster.Silos.Count);
        if (Shape.RandomPlacement)
        {
            // Activate sixteen table-branch grains of the graph (four tables on four branches), then see where each one
            // lives: with three silos, all sixteen on one silo by chance has a probability of 3 / 3^16.
            string[] branches = [BranchNames.Main, "b1", "b2", "b3"];
            foreach (var branch in branches.Skip(1))
            {
                await host.Client.CreateBranchAsync(branch);
            }

            var silos = new HashSet<SiloAddress>();
            foreach (var branch in branches)
            {
                foreach (var table in new[] { "node:Person", "node:Company", "edge:Knows", "edge:WorksAt" })
                {
                    await host.TableProtocol(table, branch).GetHeadAsync(refresh: true);
                    silos.Add(host.Cluster.SiloOf(host.Table(table, branch)) ?? throw new InvalidOperationException($"{table} on {branch}: no activation after a read"));
                }
            }

            Assert.True(silos.Count > 1, "sixteen table grains of one graph all landed on one silo under random placement");
        }
    }
}

public sealed class ClusterShapeOnOneSilo() : ClusterShapeTests(ClusterShape.OneSilo);

public sealed class ClusterShapeOnThreeSilos() : ClusterShapeTests(ClusterShape.ThreeSilos);

public sealed class ClusterShapeOnThreeSilosRandom() : ClusterShapeTests(ClusterShape.ThreeSilosRandom);
