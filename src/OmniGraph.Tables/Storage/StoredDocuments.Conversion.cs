using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Tables.Storage.Documents;

namespace OmniGraph.Tables.Storage;

internal static partial class StoredDocuments
{
    public static TableVersionRef ToRef(TableVersionRefDocument document) =>
        new(document.Table, document.TableId, document.Branch, document.BranchIncarnation, document.Version, document.Key, document.Rows, document.Tx, document.SchemaHash);

    public static TableVersionRefDocument ToDocument(TableVersionRef reference) => new()
    {
        Table = reference.Table,
        TableId = reference.TableId,
        Branch = reference.ChainBranch,
        BranchIncarnation = reference.ChainIncarnation,
        Version = reference.Version,
        Key = reference.Key,
        Tx = reference.Tx,
        Rows = reference.RowCount,
        SchemaHash = reference.SchemaHash,
    };

    public static CommitInfo ToCommit(ManifestDocument manifest) => new(
        manifest.Commit.Id,
        manifest.Branch,
        manifest.Version,
        manifest.Commit.Parent,
        manifest.Commit.MergedParent,
        manifest.Commit.Actor,
        manifest.Commit.CreatedAt,
        manifest.Commit.Kind);

    public static CommitRecordDocument ToDocument(CommitInfo commit) => new()
    {
        Id = commit.Id,
        Parent = commit.ParentId,
        MergedParent = commit.MergedParentId,
        Actor = commit.Actor,
        CreatedAt = commit.CreatedAt,
        Kind = commit.Kind,
    };

    public static GraphSnapshot ToSnapshot(ManifestDocument manifest)
    {
        var tables = new TableVersionRef[manifest.Tables.Length];
        for (var i = 0; i < tables.Length; i++)
        {
            tables[i] = ToRef(manifest.Tables[i]);
        }

        return new GraphSnapshot(manifest.Branch, manifest.BranchIncarnation, manifest.Version, ToCommit(manifest), manifest.SchemaHash, [.. tables])
        {
            Dropped = [.. (manifest.Dropped ?? []).Select(static d => new DroppedTable(ToRef(d.Version), d.Property))],
        };
    }

    /// <summary>
    /// Every table version a manifest keeps alive: its tables and what soft drops kept (hidden from reads, but needed by a
    /// restore). Whatever decides which objects are still needed (cleanup, repair, recovery status) asks here.
    /// </summary>
    public static IEnumerable<TableVersionRef> NamedTableVersions(ManifestDocument manifest) =>
        manifest.Tables.Select(ToRef).Concat((manifest.Dropped ?? []).Select(static d => ToRef(d.Version)));

    /// <summary>The manifest form of what soft drops kept (<c>null</c> when nothing: manifests without drops stay as they were).</summary>
    public static DroppedTableDocument[]? ToDocuments(ImmutableArray<DroppedTable> dropped) =>
        dropped.IsDefaultOrEmpty ? null : [.. dropped.Select(static d => new DroppedTableDocument { Version = ToDocument(d.Version), Property = d.Property })];
}
