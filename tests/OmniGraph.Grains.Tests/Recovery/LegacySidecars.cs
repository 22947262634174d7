using System.Text.Json.Nodes;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Testing.Recovery;

namespace OmniGraph.Grains.Tests.Recovery;

/// <summary>
/// Sidecars as a writer of the earlier protocol left them (<see cref="LegacySidecar"/>), with the heads that writer would
/// have moved before publishing.
/// </summary>
internal static class LegacySidecars
{
    /// <summary>Rewrites the only sidecar as format 1 and moves the heads of <paramref name="movedTables"/> to their staged versions.</summary>
    public static async Task<JsonNode> MakeLegacyAsync(GraphHost host, params string[] movedTables)
    {
        Assert.Single(await host.SidecarsAsync());
        var sidecar = await LegacySidecar.RewriteAsync(host.Store);

        var manifestVersion = (long)sidecar["manifest"]!["version"]!;
        foreach (var table in sidecar["tables"]!.AsArray())
        {
            var staged = ToRef(table!["staged"]!);
            if (movedTables.Contains(staged.Table))
            {
                await host.TableProtocol(staged.Table).AdvanceHeadAsync(new TableHeadMove((string)sidecar["tx"]!, ToRef(table["expected"]!), staged, manifestVersion));
            }
        }

        return sidecar;
    }

    /// <summary>A table version reference as a sidecar stores it.</summary>
    public static TableVersionRef ToRef(JsonNode node) => new(
        (string)node["table"]!,
        (long)node["table_id"]!,
        (string)node["branch"]!,
        (string)node["branch_incarnation"]!,
        (long)node["version"]!,
        (string?)node["key"],
        (long)node["rows"]!,
        (string?)node["tx"],
        (string)node["schema_hash"]!);
}
