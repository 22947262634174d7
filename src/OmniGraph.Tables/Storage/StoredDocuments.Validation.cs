using OmniGraph.Security;
using OmniGraph.Tables.Storage.Documents;

namespace OmniGraph.Tables.Storage;

internal static partial class StoredDocuments
{
    private static void ValidateManifest(string key, ManifestDocument manifest)
    {
        Check(key, IsBranchName(manifest.Branch), "branch is empty");
        Check(key, IsUlid(manifest.BranchIncarnation), "branch_incarnation is not a ULID");
        Check(key, manifest.Version >= 1, "version is below 1");
        Check(key, IsSchemaHash(manifest.SchemaHash), "schema_hash is not a SHA-256 hex digest");
        ValidateCommit(key, manifest.Commit);
        string? previous = null;
        foreach (var table in manifest.Tables)
        {
            Check(key, table is not null, "a table entry is null");
            ValidateRef(key, table!, "table");
            Check(key, previous is null || string.CompareOrdinal(previous, table!.Table) < 0, $"tables are not sorted by key or repeat ('{table!.Table}' after '{previous}')");
            previous = table.Table;
        }

        (string Table, string Property)? last = null;
        foreach (var dropped in manifest.Dropped ?? [])
        {
            Check(key, dropped?.Version is not null, "a dropped entry is null");
            var version = dropped!.Version!;
            ValidateRef(key, version, "dropped");
            Check(key, version.Version > 0, "a dropped entry names no rows (version 0)");
            Check(key, dropped.Property is null || dropped.Property.Length > 0, "a dropped entry's property is empty");
            var entry = (version.Table, dropped.Property ?? string.Empty);
            Check(key, last is null || string.CompareOrdinal(last.Value.Table, entry.Table) < 0
                || (string.Equals(last.Value.Table, entry.Table, StringComparison.Ordinal) && string.CompareOrdinal(last.Value.Property, entry.Item2) < 0),
                $"dropped entries are not sorted by table and property or repeat ('{entry.Table}')");
            last = entry;
        }
    }

    private static void ValidateCommit(string key, CommitRecordDocument commit)
    {
        Check(key, IsUlid(commit.Id), "commit.id is not a ULID");
        Check(key, commit.Parent is null || IsUlid(commit.Parent), "commit.parent is not a ULID");
        Check(key, commit.MergedParent is null || IsUlid(commit.MergedParent), "commit.merged_parent is not a ULID");
        Check(key, commit.CreatedAt >= 0, "commit.created_at is negative");
        Check(key, !string.IsNullOrEmpty(commit.Kind), "commit.kind is empty");
        Check(key, commit.Actor is null || commit.Actor.Length > 0, "commit.actor is empty");
    }

    private static void ValidateRef(string key, TableVersionRefDocument reference, string what)
    {
        Check(key, IsTableKey(reference.Table), $"{what}.table '{reference.Table}' is not a table key");
        Check(key, reference.TableId > 0, $"{what}.table_id is not positive");
        Check(key, IsBranchName(reference.Branch), $"{what}.branch is empty");
        Check(key, IsUlid(reference.BranchIncarnation), $"{what}.branch_incarnation is not a ULID");
        Check(key, reference.Version >= 0, $"{what}.version is negative");
        Check(key, reference.Rows >= 0, $"{what}.rows is negative");
        Check(key, IsSchemaHash(reference.SchemaHash), $"{what}.schema_hash is not a SHA-256 hex digest");
        if (reference.Version == 0)
        {
            Check(key, reference.Key is null && reference.Tx is null && reference.Rows == 0, $"{what} is version 0 but names an object, a transaction or rows");
            return;
        }

        Check(key, reference.Tx is not null && IsUlid(reference.Tx), $"{what}.tx is not a ULID");
        Check(key, reference.Key is not null
            && GraphObjectKeys.IsTableVersion(reference.Key, GraphObjectKeys.IsEdgeTable(reference.Table), reference.TableId, reference.BranchIncarnation, reference.Version, reference.Tx!),
            $"{what}.key '{reference.Key}' is not the key of that table version");
    }

    private static void ValidateTableVersion(string key, TableVersionDocument document)
    {
        ValidateTableVersionHeader(key, document);
        var isEdge = GraphObjectKeys.IsEdgeTable(document.Table);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long live = 0;
        foreach (var fragment in document.Fragments)
        {
            live += ValidateFragmentEntry(key, fragment, isEdge, document.TableId, ids);
        }

        Check(key, live == document.RowCount, $"row_count {document.RowCount} disagrees with its fragments ({live} live rows)");
    }

    /// <summary>
    /// A delta checked on its own (the row count and the inherited fragments are checked against its parent when it is
    /// resolved, <see cref="TableVersionChain"/>).
    /// </summary>
    private static void ValidateTableVersionDelta(string key, TableVersionDeltaDocument delta)
    {
        ValidateTableVersionHeader(key, delta);
        Check(key, delta.Parent.Version >= 1 && string.Equals(delta.Parent.BranchIncarnation, delta.BranchIncarnation, StringComparison.Ordinal), "a delta's parent is not an earlier version of its own chain");
        Check(key, string.Equals(delta.Parent.SchemaHash, delta.SchemaHash, StringComparison.Ordinal), "a delta's parent is laid out by another schema");
        Check(key, delta.Depth >= 1 && delta.Depth < StorageFormat.TableVersionCheckpointInterval, $"depth {delta.Depth} is outside 1..{StorageFormat.TableVersionCheckpointInterval - 1}");
        Check(key, delta.Inherited >= 0, "inherited is negative");
        var isEdge = GraphObjectKeys.IsEdgeTable(delta.Table);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fragment in delta.Added)
        {
            ValidateFragmentEntry(key, fragment, isEdge, delta.TableId, ids);
        }

        var previous = -1;
        foreach (var replacement in delta.Replaced)
        {
            Check(key, replacement is not null, "a replaced entry is null");
            Check(key, replacement!.Fragment > previous && replacement.Fragment < delta.Inherited, $"replaced fragment {replacement.Fragment} is not ascending or not an inherited fragment (0..{delta.Inherited - 1})");
            ValidateDeletionVector(key, replacement.Deletions, isEdge, delta.TableId, $"inherited fragment {replacement.Fragment}");
            previous = replacement.Fragment;
        }
    }

    private static void ValidateTableVersionHeader(string key, TableVersionObjectDocument document)
    {
        Check(key, IsTableKey(document.Table), $"table '{document.Table}' is not a table key");
        Check(key, document.TableId > 0, "table_id is not positive");
        Check(key, IsBranchName(document.Branch), "branch is empty");
        Check(key, IsUlid(document.BranchIncarnation), "branch_incarnation is not a ULID");
        Check(key, document.Version >= 1, "version is below 1");
        Check(key, IsUlid(document.Tx), "tx is not a ULID");
        Check(key, IsSchemaHash(document.SchemaHash), "schema_hash is not a SHA-256 hex digest");
        Check(key, GraphObjectKeys.IsTableVersion(key, GraphObjectKeys.IsEdgeTable(document.Table), document.TableId, document.BranchIncarnation, document.Version, document.Tx), "its key does not match its table, chain, version and transaction");
        ValidateRef(key, document.Parent, "parent");
        Check(key, string.Equals(document.Parent.Table, document.Table, StringComparison.Ordinal) && document.Parent.TableId == document.TableId, "parent is another table");
        Check(key, document.Parent.Version == document.Version - 1, $"parent version {document.Parent.Version} does not precede {document.Version}");
        Check(key, document.RowCount >= 0, "row_count is negative");
    }

    /// <summary>Checks one fragment entry (its id unique among <paramref name="ids"/>) and returns its live rows.</summary>
    private static long ValidateFragmentEntry(string key, FragmentEntryDocument? fragment, bool isEdge, long tableId, HashSet<string> ids)
    {
        Check(key, fragment is not null, "a fragment entry is null");
        Check(key, IsUlid(fragment!.Id) && ids.Add(fragment.Id), $"fragment id '{fragment.Id}' is not a ULID or repeats");
        Check(key, string.Equals(fragment.Key, GraphObjectKeys.Fragment(isEdge, tableId, fragment.Id), StringComparison.Ordinal), $"fragment key '{fragment.Key}' is not the key of fragment {fragment.Id} of this table");
        Check(key, fragment.Rows >= 0, $"fragment {fragment.Id} has a negative row count");
        if (fragment.Deletions is not { } deletions)
        {
            return fragment.Rows;
        }

        ValidateDeletionVector(key, deletions, isEdge, tableId, $"fragment {fragment.Id}");
        Check(key, deletions.Count <= fragment.Rows, $"fragment {fragment.Id} deletes {deletions.Count} of {fragment.Rows} rows");
        return fragment.Rows - deletions.Count;
    }

    private static void ValidateDeletionVector(string key, DeletionVectorDocument? deletions, bool isEdge, long tableId, string owner)
    {
        Check(key, deletions is not null, $"the deletion vector of {owner} is null");
        Check(key, GraphObjectKeys.IsDeletionVectorOf(deletions!.Key, isEdge, tableId), $"deletion vector key '{deletions.Key}' is not a deletion vector of this table");
        Check(key, deletions.Count > 0, $"{owner} deletes {deletions.Count} rows");
        Check(key, deletions.Batch >= 0, $"{owner} names deletion batch {deletions.Batch}");
    }

    private static void ValidateSidecar(string key, SidecarDocument sidecar)
    {
        Check(key, IsUlid(sidecar.Tx), "tx is not a ULID");
        Check(key, string.Equals(GraphObjectKeys.SidecarTx(key), sidecar.Tx, StringComparison.Ordinal), $"tx {sidecar.Tx} does not match the file name");
        Check(key, !string.IsNullOrEmpty(sidecar.Writer), "writer is empty");
        Check(key, sidecar.CreatedAt >= 0, "created_at is negative");
        Check(key, IsBranchName(sidecar.Branch), "branch is empty");
        Check(key, IsUlid(sidecar.BranchIncarnation), "branch_incarnation is not a ULID");
        Check(key, sidecar.BaseVersion >= 1, "base_version is below 1");
        Check(key, IsUlid(sidecar.BaseCommit), "base_commit is not a ULID");
        Check(key, IsUlid(sidecar.CommitId), "commit_id is not a ULID");
        Check(key, IsUlid(sidecar.RollbackCommitId), "rollback_commit_id is not a ULID");
        Check(key, !string.Equals(sidecar.CommitId, sidecar.RollbackCommitId, StringComparison.Ordinal), "commit_id and rollback_commit_id are equal");
        Check(key, sidecar.SidecarFormat == StorageFormat.OldestSidecarFormat ? sidecar.Predecessors is null : sidecar.Predecessors is not null,
            sidecar.SidecarFormat == StorageFormat.OldestSidecarFormat ? "a format 1 sidecar has no predecessors" : "predecessors is missing");

        // The chain: each link publishes the version after the previous one, on top of its commit.
        var links = sidecar.Predecessors ?? [];
        var parent = sidecar.BaseCommit;
        var commits = new HashSet<string>(StringComparer.Ordinal) { sidecar.BaseCommit, sidecar.RollbackCommitId };
        for (var i = 0; i < links.Length; i++)
        {
            var link = links[i];
            Check(key, link is not null, "a predecessor is null");
            Check(key, IsUlid(link!.Tx), "a predecessor's tx is not a ULID");
            Check(key, IsUlid(link.CommitId) && commits.Add(link.CommitId), "a predecessor's commit_id is not a ULID, or repeats one");
            ValidateLink(key, sidecar, link.Manifest, link.CommitId, parent, sidecar.BaseVersion + 1 + i, link.Tables);
            Check(key, link.Audit is null || sidecar.SidecarFormat >= StorageFormat.SidecarFormat, "a predecessor carries an audit entry, which format 3 introduced");
            if (link.Audit is { } linkAudit)
            {
                ValidateAudit(key, linkAudit);
            }

            parent = link.CommitId;
        }

        Check(key, commits.Add(sidecar.CommitId), "commit_id repeats a commit of the chain");
        ValidateLink(key, sidecar, sidecar.Manifest, sidecar.CommitId, parent, sidecar.BaseVersion + 1 + links.Length, sidecar.Tables);
        if (sidecar.Audit is { } audit)
        {
            ValidateAudit(key, audit);
        }
    }

    private static void ValidateAudit(string key, SidecarAuditDocument audit)
    {
        Check(key, PolicyActions.TryParse(audit.Action, out _), $"audit.action '{audit.Action}' is not a policy action");
        Check(key, audit.Rule is null || audit.Rule.Length > 0, "audit.rule is empty");
    }

    /// <summary>One write of a sidecar's chain: its manifest publishes <paramref name="version"/> on top of <paramref name="parent"/>.</summary>
    private static void ValidateLink(string key, SidecarDocument sidecar, ManifestDocument manifest, string commitId, string parent, long version, SidecarTableDocument[] tables)
    {
        ValidateManifest(key, manifest);
        Check(key, manifest.Version == version, $"a manifest of the chain is version {manifest.Version}, not {version}");
        Check(key, string.Equals(manifest.Commit.Id, commitId, StringComparison.Ordinal), "a manifest does not carry its commit_id");
        Check(key, string.Equals(manifest.Commit.Parent, parent, StringComparison.Ordinal), $"the manifest of version {version} is not based on the commit before it");
        Check(key, string.Equals(manifest.BranchIncarnation, sidecar.BranchIncarnation, StringComparison.Ordinal)
            && string.Equals(manifest.Branch, sidecar.Branch, StringComparison.Ordinal), "a manifest is for another branch");
        foreach (var table in tables)
        {
            Check(key, table is not null, "a table entry is null");
            ValidateRef(key, table!.Expected, "expected");
            ValidateRef(key, table.Staged, "staged");
            Check(key, string.Equals(table.Expected.Table, table.Staged.Table, StringComparison.Ordinal), "expected and staged name different tables");
            Check(key, table.Staged.Version == table.Expected.Version + 1 && table.Staged.Key is not null, $"staged version of {table.Staged.Table} does not follow the expected one");
            Check(key, string.Equals(table.Staged.BranchIncarnation, sidecar.BranchIncarnation, StringComparison.Ordinal), $"staged version of {table.Staged.Table} is not on the sidecar's branch");
        }
    }

    private static void Check(string key, bool condition, string reason)
    {
        if (!condition)
        {
            throw new CorruptObjectException(key, reason);
        }
    }

    internal static bool IsUlid(string? text) => text is { Length: Ulid.Length } && Ulid.TryParse(text, out _);

    internal static bool IsSchemaHash(string? text)
    {
        if (text is not { Length: 64 })
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBranchName(string? text) => !string.IsNullOrEmpty(text);

    private static bool IsTableKey(string? text)
    {
        if (text is null || text.Length < 6 || !(text.StartsWith("node:", StringComparison.Ordinal) || text.StartsWith("edge:", StringComparison.Ordinal)))
        {
            return false;
        }

        foreach (var c in text.AsSpan(5))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
