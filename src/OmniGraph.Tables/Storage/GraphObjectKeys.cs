using System.Globalization;
using OmniGraph.Abstractions;

namespace OmniGraph.Tables.Storage;

/// <summary>
/// The object keys of a graph root (see docs/storage-layout.md). Every key the engine writes is built here; every key
/// read from a stored object is checked here before it is used, so a damaged object cannot point the engine anywhere
/// else in the store.
/// </summary>
internal static class GraphObjectKeys
{
    /// <summary>The format stamp.</summary>
    public const string Stamp = "graph.json";

    /// <summary>Prefix of every recovery sidecar.</summary>
    public const string RecoveryPrefix = "recovery/";

    /// <summary>Prefix of the engine's grain state objects.</summary>
    public const string GrainStatePrefix = "state/";

    /// <summary>Prefix of every commit pointer.</summary>
    public const string CommitsPrefix = "commits/";

    /// <summary>Prefix of every table object (fragments, deletion files, table versions).</summary>
    public const string TablesPrefix = "tables/";

    /// <summary>Prefix of every manifest version.</summary>
    public const string ManifestsPrefix = "manifests/";

    /// <summary>Prefix of every cleanup journal.</summary>
    public const string CleanupJournalsPrefix = "maintenance/cleanup/";

    private const string VersionFormat = "D20";

    /// <summary>The journal of a cleanup.</summary>
    public static string CleanupJournal(string cleanupId) => $"{CleanupJournalsPrefix}{cleanupId}.json";

    /// <summary>The cleanup id of a journal key, or <c>null</c> when the key is not shaped like one.</summary>
    public static string? CleanupIdOf(string key)
    {
        if (!key.StartsWith(CleanupJournalsPrefix, StringComparison.Ordinal) || !key.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var id = key[CleanupJournalsPrefix.Length..^".json".Length];
        return id.Length == Ulid.Length && Ulid.TryParse(id, out _) ? id : null;
    }

    /// <summary>Whether <paramref name="key"/> lies under a table directory (<c>tables/node-000001/…</c>).</summary>
    public static bool IsTableObject(string key) =>
        key.StartsWith(TablesPrefix, StringComparison.Ordinal) && !key.Contains("..", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="key"/> is a fragment or deletion file of some table.</summary>
    public static bool IsTableDataObject(string key)
    {
        if (!IsTableObject(key) || !key.EndsWith(".arrow", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = key.Split('/');
        return parts.Length == 4 && parts[2] is "fragments" or "deletions" && IsUlidObject(key, $"{parts[0]}/{parts[1]}/{parts[2]}/", ".arrow");
    }

    /// <summary>The accepted schema source of an IR hash.</summary>
    public static string SchemaSource(string schemaHash) => $"schema/{schemaHash}.pg";

    /// <summary>The accepted schema IR of an IR hash.</summary>
    public static string SchemaIr(string schemaHash) => $"schema/{schemaHash}.ir.json";

    /// <summary>The manifest object of version <paramref name="version"/> of a branch incarnation.</summary>
    public static string Manifest(string branchIncarnation, long version) =>
        $"manifests/{branchIncarnation}/{version.ToString(VersionFormat, CultureInfo.InvariantCulture)}.json";

    /// <summary>The prefix of every manifest version of a branch incarnation.</summary>
    public static string ManifestsOf(string branchIncarnation) => $"manifests/{branchIncarnation}/";

    /// <summary>The version number of a manifest key (<c>manifests/{inc}/{version}.json</c>), or <c>null</c> when the key is not shaped like one.</summary>
    public static long? ManifestVersionOf(string key)
    {
        var slash = key.LastIndexOf('/');
        if (!key.StartsWith("manifests/", StringComparison.Ordinal) || slash < 0 || !key.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var digits = key.AsSpan(slash + 1, key.Length - slash - 1 - ".json".Length);
        return digits.Length == 20 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1 ? version : null;
    }

    /// <summary>The commit pointer of a commit.</summary>
    public static string CommitPointer(string commitId) => $"commits/{commitId}.json";

    /// <summary>The record of a promotion (written before its commit is submitted).</summary>
    public static string Promotion(string promotionId) => $"promotions/{promotionId}.json";

    /// <summary>The revert claim of a promotion (written before the revert commit is submitted; one per promotion).</summary>
    public static string PromotionRevert(string promotionId) => $"promotions/{promotionId}.revert.json";

    /// <summary>The recovery sidecar of a write transaction.</summary>
    public static string Sidecar(string tx) => $"{RecoveryPrefix}{tx}.json";

    /// <summary>A fragment of a table.</summary>
    public static string Fragment(bool isEdge, long tableId, string fragmentId) =>
        $"{TableStoragePaths.TableDirectory(isEdge, tableId)}/fragments/{fragmentId}.arrow";

    /// <summary>A deletion vector of a table.</summary>
    public static string DeletionVector(bool isEdge, long tableId, string vectorId) =>
        $"{TableStoragePaths.TableDirectory(isEdge, tableId)}/deletions/{vectorId}.arrow";

    /// <summary>A table version object.</summary>
    public static string TableVersion(bool isEdge, long tableId, string branchIncarnation, long version, string tx) =>
        $"{TableStoragePaths.TableDirectory(isEdge, tableId)}/versions/{branchIncarnation}/{version.ToString(VersionFormat, CultureInfo.InvariantCulture)}-{tx}.json";

    /// <summary>The prefix of a table's versions on one chain (incarnation).</summary>
    public static string TableVersionsOf(bool isEdge, long tableId, string branchIncarnation) =>
        $"{TableStoragePaths.TableDirectory(isEdge, tableId)}/versions/{branchIncarnation}/";

    /// <summary>The transaction id of a table version key (<c>…/{version}-{tx}.json</c>), or <c>null</c> when the key is not shaped like one.</summary>
    public static string? TableVersionTx(string key)
    {
        var dash = key.LastIndexOf('-');
        if (dash < 0 || !key.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var tx = key[(dash + 1)..^".json".Length];
        return tx.Length == Ulid.Length && Ulid.TryParse(tx, out _) ? tx : null;
    }

    /// <summary>The commit id of a commit pointer key, or <c>null</c> when the key is not shaped like one.</summary>
    public static string? CommitIdOf(string key)
    {
        if (!key.StartsWith(CommitsPrefix, StringComparison.Ordinal) || !key.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var id = key[CommitsPrefix.Length..^".json".Length];
        return id.Length == Ulid.Length && Ulid.TryParse(id, out _) ? id : null;
    }

    /// <summary>Whether <paramref name="key"/> is a fragment key of the table.</summary>
    public static bool IsFragmentOf(string key, bool isEdge, long tableId) =>
        IsUlidObject(key, $"{TableStoragePaths.TableDirectory(isEdge, tableId)}/fragments/", ".arrow");

    /// <summary>Whether <paramref name="key"/> is a deletion vector key of the table.</summary>
    public static bool IsDeletionVectorOf(string key, bool isEdge, long tableId) =>
        IsUlidObject(key, $"{TableStoragePaths.TableDirectory(isEdge, tableId)}/deletions/", ".arrow");

    /// <summary>Whether <paramref name="key"/> is exactly the key of that table version.</summary>
    public static bool IsTableVersion(string key, bool isEdge, long tableId, string branchIncarnation, long version, string tx) =>
        string.Equals(key, TableVersion(isEdge, tableId, branchIncarnation, version, tx), StringComparison.Ordinal);

    /// <summary>The transaction id of a sidecar key, or <c>null</c> when the key is not shaped like one.</summary>
    public static string? SidecarTx(string key)
    {
        if (!key.StartsWith(RecoveryPrefix, StringComparison.Ordinal) || !key.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var name = key[RecoveryPrefix.Length..^".json".Length];
        return Ulid.TryParse(name, out _) ? name : null;
    }

    /// <summary>Whether <paramref name="table"/> is an edge table key.</summary>
    public static bool IsEdgeTable(string table) => table.StartsWith("edge:", StringComparison.Ordinal);

    private static bool IsUlidObject(string key, string prefix, string suffix)
    {
        if (!key.StartsWith(prefix, StringComparison.Ordinal) || !key.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        var name = key.AsSpan(prefix.Length, key.Length - prefix.Length - suffix.Length);
        return name.Length == Ulid.Length && Ulid.TryParse(name.ToString(), out _);
    }
}
