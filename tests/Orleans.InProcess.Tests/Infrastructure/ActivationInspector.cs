using Orleans.InProcess.Activation;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Orleans.InProcess.Tests.Infrastructure;

/// <summary>
/// Reads runtime state the public API does not expose, so tests can assert "this request is queued, not running"
/// exactly (dispatch queues synchronously) instead of waiting and hoping.
/// </summary>
public static class ActivationInspector
{
    /// <summary>Requests and ticks waiting for admission on every activation of <paramref name="grain"/>.</summary>
    public static int WaitingCount(InProcessTestCluster cluster, IAddressable grain)
        => Activations(cluster, grain).Sum(static a => a.WaitingCount);

    /// <summary>Number of activations (workers) of <paramref name="grain"/>.</summary>
    public static int ActivationCount(InProcessTestCluster cluster, IAddressable grain) => Activations(cluster, grain).Count;

    private static List<GrainActivation> Activations(InProcessTestCluster cluster, IAddressable grain)
        => [.. cluster.Primary.Runtime.GetActivations(grain.GetGrainId()).Cast<GrainActivation>()];
}
