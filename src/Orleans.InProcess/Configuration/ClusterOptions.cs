namespace Orleans.Configuration;

/// <summary>Identity of the cluster. Informational in process (there is one silo and no membership).</summary>
public sealed class ClusterOptions
{
    /// <summary>The development cluster id (<c>"dev"</c>).</summary>
    public const string DevelopmentClusterId = "dev";

    /// <summary>The development service id (<c>"dev"</c>).</summary>
    public const string DevelopmentServiceId = "dev";

    /// <summary>The cluster id.</summary>
    public string? ClusterId { get; set; }

    /// <summary>The service id (stable across deployments; Orleans uses it to scope storage).</summary>
    public string? ServiceId { get; set; }
}
