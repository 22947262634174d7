using System.Text;
using Orleans.Configuration;

namespace OmniGraph.Grains.Hosting;

/// <summary>The registry location a cluster uses when <see cref="OmniGraphOptions.RegistryLocation"/> is not set.</summary>
public static class RegistryLocations
{
    /// <summary>
    /// <c>memory://omnigraph-registry.SERVICE.CLUSTER</c>: named memory stores are process-wide, so a fixed name would
    /// make every cluster in the process share one registry object and refuse each other's writes (entity tag
    /// conflicts); the service and cluster ids keep the silos of one cluster together and different clusters apart.
    /// Characters a memory store name does not allow become '_'.
    /// </summary>
    public static string DefaultFor(ClusterOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var name = new StringBuilder("omnigraph-registry.");
        AppendSafe(name, cluster.ServiceId);
        name.Append('.');
        AppendSafe(name, cluster.ClusterId);
        return "memory://" + name;
    }

    private static void AppendSafe(StringBuilder name, string? part)
    {
        foreach (var c in part ?? string.Empty)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }
    }
}
