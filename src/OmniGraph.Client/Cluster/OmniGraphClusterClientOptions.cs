using System.Net;

namespace OmniGraph.Client.Cluster;

/// <summary>Settings of the Orleans client <c>services.AddOmniGraphClient(...)</c> adds.</summary>
public sealed class OmniGraphClusterClientOptions
{
    /// <summary>The silo gateways to connect to (<c>omnigraph serve --gateway-port</c> opens one). At least one.</summary>
    public List<IPEndPoint> Gateways { get; } = [];

    /// <summary>The cluster's service id. Default <c>omnigraph</c>, what <c>omnigraph serve</c> uses.</summary>
    public string ServiceId { get; set; } = DefaultServiceId;

    /// <summary>The cluster id. Default <c>omnigraph</c>, what <c>omnigraph serve</c> uses.</summary>
    public string ClusterId { get; set; } = DefaultClusterId;

    /// <summary>The service id <c>omnigraph serve</c> runs its silo with.</summary>
    public const string DefaultServiceId = "omnigraph";

    /// <summary>The cluster id <c>omnigraph serve</c> runs its silo with.</summary>
    public const string DefaultClusterId = "omnigraph";
}
