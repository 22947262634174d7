using OmniGraph.Tables.Storage.Documents;

namespace OmniGraph.Tables.Storage;

/// <summary>
/// One table version object as read, before any resolution: a full version (format 1) or a delta over its parent
/// (format 2). What a version object says about itself (its transaction, its parent) is the same in both; its fragment
/// list needs <see cref="TableVersionChain.ResolveAsync"/> when it is a delta.
/// </summary>
internal sealed class StoredTableVersion
{
    private StoredTableVersion(TableVersionDocument? full, TableVersionDeltaDocument? delta)
    {
        Full = full;
        Delta = delta;
    }

    /// <summary>The version with its whole fragment list, when it is stored in full.</summary>
    public TableVersionDocument? Full { get; }

    /// <summary>The version as a delta over its parent, when it is stored so.</summary>
    public TableVersionDeltaDocument? Delta { get; }

    /// <summary>What the object says about itself, in either form.</summary>
    public TableVersionObjectDocument Header => (TableVersionObjectDocument?)Full ?? Delta!;

    /// <summary>The transaction that staged it.</summary>
    public string Tx => Header.Tx;

    /// <summary>The version it was prepared from.</summary>
    public TableVersionRefDocument Parent => Header.Parent;

    public static StoredTableVersion Of(TableVersionDocument full) => new(full, null);

    public static StoredTableVersion Of(TableVersionDeltaDocument delta) => new(null, delta);
}
