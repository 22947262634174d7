using System.Text.Json.Nodes;
using OmniGraph.Testing.IO;

namespace OmniGraph.Testing.Tampering;

/// <summary>The object a target damages and the bytes its two replacement damages write over it.</summary>
/// <param name="Key">The object's key.</param>
/// <param name="Older">Its older version (the same record earlier, or the previous object of its kind).</param>
/// <param name="Other">The same kind of object from another table (or another graph).</param>
public sealed record TamperSource(string Key, byte[] Older, byte[] Other);

/// <summary>
/// Finds each target's object in prepared graph directories by reading them as files: the graphs of a tampering fixture
/// share one shape (the newest manifest version changed the primary node table, the one before it did not, and both
/// the primary table and an edge table have deletion files).
/// </summary>
/// <param name="Graph">The graph to damage (steady state).</param>
/// <param name="Earlier">A copy of <paramref name="Graph"/> taken earlier in its history (older mutable records).</param>
/// <param name="Other">Another graph with the same history (objects that belong to no table).</param>
/// <param name="Pending">A copy of <paramref name="Graph"/> with one write whose publish failed (its sidecar pending).</param>
/// <param name="OtherPending">The same for <paramref name="Other"/>.</param>
/// <param name="OlderSidecar">The sidecar of an earlier write of <paramref name="Graph"/>, captured before it was deleted.</param>
public sealed record TamperGraphs(string Graph, string Earlier, string Other, string Pending, string OtherPending, byte[] OlderSidecar)
{
    /// <summary>Each target's source. <paramref name="primary"/> is a node table with two deletion files, <paramref name="edge"/> an edge table with one, <paramref name="otherNode"/> another node table.</summary>
    public Dictionary<TamperTarget, TamperSource> Resolve(string primary, string edge, string otherNode)
    {
        var newest = NewestVersion(Graph);
        var manifest = Manifest(Graph, newest);
        var previous = Manifest(Graph, newest - 1);
        var table = TableVersion(Graph, manifest, primary);
        var before = TableVersion(Graph, previous, primary);
        if (EntryKey(manifest, primary) == EntryKey(previous, primary))
        {
            throw new InvalidOperationException($"the newest manifest version must change {primary}");
        }

        var head = HeadRecord(primary);
        const string registry = "state/registry-manifest/graph.json";
        return new Dictionary<TamperTarget, TamperSource>
        {
            [TamperTarget.ManifestVersion] = new(ManifestKey(Graph, newest), Bytes(Graph, ManifestKey(Graph, newest - 1)), Bytes(Other, ManifestKey(Other, NewestVersion(Other)))),
            [TamperTarget.TableVersion] = new(EntryKey(manifest, primary), Bytes(Graph, EntryKey(previous, primary)), Bytes(Graph, EntryKey(manifest, edge))),
            [TamperTarget.Fragment] = new(Fragments(table)[^1], Bytes(Graph, Fragments(table)[0]), Bytes(Graph, Fragments(TableVersion(Graph, manifest, otherNode))[0])),
            [TamperTarget.DeletionVector] = new(Deletions(table)[^1], Bytes(Graph, Deletions(before)[^1]), Bytes(Graph, Deletions(TableVersion(Graph, manifest, edge))[^1])),
            [TamperTarget.HeadRecord] = new(head, Bytes(Earlier, head), Bytes(Graph, HeadRecord(edge))),
            [TamperTarget.RegistryState] = new(registry, Bytes(Earlier, registry), Bytes(Other, registry)),
            [TamperTarget.CommitPointer] = new(Pointer(manifest), Bytes(Graph, Pointer(previous)), Bytes(Other, Pointer(Manifest(Other, NewestVersion(Other))))),
            [TamperTarget.RecoverySidecar] = new(Sidecar(Pending), OlderSidecar, Bytes(OtherPending, Sidecar(OtherPending))),
        };
    }

    /// <summary>The graph a target lives in.</summary>
    public string SourceOf(TamperTarget target) => target == TamperTarget.RecoverySidecar ? Pending : Graph;

    /// <summary>The only sidecar of a graph with one pending write.</summary>
    public static string Sidecar(string root) => StoreFiles.Keys(root, "recovery/").Single();

    /// <summary>The head record key of a table on main.</summary>
    public static string HeadRecord(string table) => $"state/head-tablebranch/{table}@main.json";

    private static long NewestVersion(string root) =>
        StoreFiles.Keys(root, "manifests/").Max(static k => long.Parse(k[(k.LastIndexOf('/') + 1)..^".json".Length], System.Globalization.CultureInfo.InvariantCulture));

    private static string ManifestKey(string root, long version) =>
        StoreFiles.Keys(root, "manifests/").Single(k => k.EndsWith($"/{version:D20}.json", StringComparison.Ordinal));

    private static JsonNode Manifest(string root, long version) => Json(root, ManifestKey(root, version));

    private static string EntryKey(JsonNode manifest, string table) =>
        (string)manifest["tables"]!.AsArray().Single(t => (string)t!["table"]! == table)!["key"]!;

    private static JsonNode TableVersion(string root, JsonNode manifest, string table) => Json(root, EntryKey(manifest, table));

    private List<string> Fragments(JsonNode version) => [.. Resolve(Graph, version).Select(static f => f.Key)];

    private List<string> Deletions(JsonNode version) =>
        [.. Resolve(Graph, version).Select(static f => f.Deletions).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// A table version's fragments with their deletion files: as listed by a full version (format 1), or over its parent
    /// for a delta (format 2: the parent's, vectors replaced, fragments added).
    /// </summary>
    private static List<(string Key, string? Deletions)> Resolve(string root, JsonNode version)
    {
        static (string, string?) Entry(JsonNode fragment) => ((string)fragment["key"]!, (string?)fragment["deletions"]?["key"]);
        if ((int)version["format"]! == 1)
        {
            return [.. version["fragments"]!.AsArray().Select(static f => Entry(f!))];
        }

        var fragments = Resolve(root, Json(root, (string)version["parent"]!["key"]!));
        foreach (var replaced in version["replaced"]!.AsArray())
        {
            var position = (int)replaced!["fragment"]!;
            fragments[position] = (fragments[position].Key, (string)replaced["deletions"]!["key"]!);
        }

        fragments.AddRange(version["added"]!.AsArray().Select(static f => Entry(f!)));
        return fragments;
    }

    private static string Pointer(JsonNode manifest) => $"commits/{(string)manifest["commit"]!["id"]!}.json";

    private static JsonNode Json(string root, string key) => JsonNode.Parse(Bytes(root, key).AsSpan(64))!;

    private static byte[] Bytes(string root, string key) => File.ReadAllBytes(StoreFiles.PathOf(root, key));
}
