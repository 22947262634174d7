using System.Text;
using System.Text.Json.Nodes;
using OmniGraph.Storage;

namespace OmniGraph.Testing.Recovery;

/// <summary>
/// Recovery sidecars as the earlier protocol wrote them (<c>sidecar_format</c> 1: table heads moved before the publish,
/// so a sidecar whose heads did not all move is incomplete and is rolled back). Made from a sidecar of this build, which
/// has the same members but for its (empty) predecessors. The heal still reads and resolves them by their own rules.
/// </summary>
public static class LegacySidecar
{
    /// <summary>Rewrites the only sidecar in <paramref name="store"/> as format 1 and returns its document.</summary>
    public static async Task<JsonNode> RewriteAsync(IObjectStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var page = await store.ListAsync("recovery/");
        if (page.Objects.Count != 1)
        {
            throw new InvalidOperationException($"expected one recovery sidecar, found {page.Objects.Count}");
        }

        var key = page.Objects[0].Key;
        var stored = await store.GetAsync(key);
        var sidecar = JsonNode.Parse(stored.Content.Span)!;
        if (sidecar["predecessors"]?.AsArray().Count > 0)
        {
            throw new InvalidOperationException("a sidecar with predecessors (group commit) has no format 1 equivalent");
        }

        sidecar["sidecar_format"] = 1;
        sidecar.AsObject().Remove("predecessors");
        await store.PutAsync(key, Encoding.UTF8.GetBytes(sidecar.ToJsonString()), WriteCondition.IfMatch(stored.ETag));
        return sidecar;
    }
}
