namespace OmniGraph.Abstractions;

/// <summary>
/// The commit protocol side of a client's grains, for the engine's own assemblies and their tests (internal, like the
/// protocol interfaces): a client of the public surface reads through <see cref="IGraphClient.GetTable"/> and
/// <see cref="IGraphClient.Manifest"/>.
/// </summary>
internal static class GraphClientProtocolExtensions
{
    /// <summary>The protocol side of the table-branch grain of a table on a branch.</summary>
    public static ITableBranchProtocol GetTableProtocol(this IGraphClient client, string table, string branch = BranchNames.Main) =>
        client.Grains.GetGrain<ITableBranchProtocol>(GraphGrainKeys.TableBranch(client.GraphId, table, branch));

    /// <summary>The protocol side of the graph's manifest grain.</summary>
    public static IManifestProtocol GetManifestProtocol(this IGraphClient client) =>
        client.Grains.GetGrain<IManifestProtocol>(client.GraphId);
}
