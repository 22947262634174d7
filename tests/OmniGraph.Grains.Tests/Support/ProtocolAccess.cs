using OmniGraph.Abstractions;
using OmniGraph.Testing.Hosting;

namespace OmniGraph.Grains.Tests.Support;

/// <summary>
/// The internal commit protocol side of a test host's grains (<see cref="ITableBranchProtocol"/>,
/// <see cref="IManifestProtocol"/>), for the tests that drive staging, head moves and write entries directly.
/// </summary>
internal static class ProtocolAccess
{
    /// <summary>The protocol side of the table-branch grain of <paramref name="table"/> on <paramref name="branch"/>.</summary>
    public static ITableBranchProtocol TableProtocol(this GraphTestHost host, string table, string branch = BranchNames.Main) =>
        host.Client.GetTableProtocol(table, branch);

    /// <summary>The protocol side of the graph's manifest grain.</summary>
    public static IManifestProtocol ManifestProtocol(this GraphTestHost host) => host.Client.GetManifestProtocol();
}
