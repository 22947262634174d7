using Microsoft.Extensions.Hosting;

namespace Orleans.TestingHost;

/// <summary>How an <see cref="InProcessTestCluster"/> is built.</summary>
public sealed class InProcessTestClusterOptions
{
    /// <summary>Number of silos; the in-process runtime supports exactly one (see <see cref="InProcessTestClusterBuilder"/>).</summary>
    public int InitialSilosCount { get; set; } = 1;

    /// <summary>The cluster id.</summary>
    public string ClusterId { get; set; } = $"testcluster-{Guid.NewGuid():N}";

    /// <summary>The service id.</summary>
    public string ServiceId { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>Delegates configuring each silo's host, in registration order.</summary>
    internal List<Action<InProcessTestSiloSpecificOptions, IHostApplicationBuilder>> SiloHostConfigurationDelegates { get; } = [];
}
