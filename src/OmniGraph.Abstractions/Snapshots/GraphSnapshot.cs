using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace OmniGraph.Abstractions;

/// <summary>
/// Everything a read sees: one manifest version of one branch. It names one version of every table and the commit
/// that produced it, and it never changes: a query pins one snapshot for its whole life.
/// </summary>
/// <param name="Branch">The branch.</param>
/// <param name="BranchIncarnation">The branch's incarnation (a deleted and recreated branch gets a new one).</param>
/// <param name="ManifestVersion">The manifest version on the branch.</param>
/// <param name="Commit">The commit published with this version.</param>
/// <param name="SchemaHash">The schema the tables are laid out by (content hash of its IR).</param>
/// <param name="Tables">One version per table, sorted by table key.</param>
[GenerateSerializer]
[Immutable]
public sealed record GraphSnapshot(
    [property: Id(0)] string Branch,
    [property: Id(1)] string BranchIncarnation,
    [property: Id(2)] long ManifestVersion,
    [property: Id(3)] CommitInfo Commit,
    [property: Id(4)] string SchemaHash,
    [property: Id(5)] ImmutableArray<TableVersionRef> Tables)
{
    /// <summary>What soft drops of the schema kept (hidden from reads; restorable by a later schema apply); sorted by table key, then property.</summary>
    [Id(6)]
    public ImmutableArray<DroppedTable> Dropped { get; init; } = [];

    /// <summary>Snapshots are equal when they name the same branch version, commit, schema and table versions.</summary>
    public bool Equals(GraphSnapshot? other) =>
        other is not null
        && string.Equals(Branch, other.Branch, StringComparison.Ordinal)
        && string.Equals(BranchIncarnation, other.BranchIncarnation, StringComparison.Ordinal)
        && ManifestVersion == other.ManifestVersion
        && Commit == other.Commit
        && string.Equals(SchemaHash, other.SchemaHash, StringComparison.Ordinal)
        && Tables.AsSpan().SequenceEqual(other.Tables.AsSpan())
        && Dropped.AsSpan().SequenceEqual(other.Dropped.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(BranchIncarnation, ManifestVersion, Commit.Id);

    /// <summary>Finds a table's version by table key (<c>node:Person</c>).</summary>
    public bool TryGetTable(string table, [NotNullWhen(true)] out TableVersionRef? version)
    {
        foreach (var candidate in Tables)
        {
            if (string.Equals(candidate.Table, table, StringComparison.Ordinal))
            {
                version = candidate;
                return true;
            }
        }

        version = null;
        return false;
    }

    /// <summary>A table's version by table key.</summary>
    /// <exception cref="OmniGraphException">Code <c>unknown_table</c>: The snapshot has no such table.</exception>
    public TableVersionRef GetTable(string table) =>
        TryGetTable(table, out var version) ? version : throw EngineErrors.UnknownTable(table);

    /// <summary>The snapshot in the CLI/HTTP shape (<c>SnapshotOutput</c>).</summary>
    public SnapshotOutput ToOutput(int internalSchemaVersion)
    {
        var datasets = ImmutableArray.CreateBuilder<SnapshotDatasetOutput>(Tables.Length);
        foreach (var table in Tables)
        {
            datasets.Add(new SnapshotDatasetOutput(
                table.IsEdge ? "edge" : "node",
                table.TypeName,
                TableStoragePaths.TableDirectory(table.IsEdge, table.TableId),
                table.Version,
                string.Equals(table.ChainBranch, BranchNames.Main, StringComparison.Ordinal) ? null : table.ChainBranch,
                table.RowCount));
        }

        return new SnapshotOutput(Branch, ManifestVersion, internalSchemaVersion, datasets.MoveToImmutable());
    }
}
