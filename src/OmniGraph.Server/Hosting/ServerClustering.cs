namespace OmniGraph.Server.Hosting;

/// <summary>How a server's silo finds the rest of its cluster (<c>omnigraph serve --clustering</c>).</summary>
public enum ServerClustering
{
    /// <summary>A cluster of this one process (in-memory membership, loopback).</summary>
    Localhost,

    /// <summary>Membership in the storage account's table service: every server naming the same table and cluster id joins one cluster.</summary>
    Azure,
}
