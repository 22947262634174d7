namespace OmniGraph.Grains.Tables;

/// <summary>
/// The persisted physical head of a table on a branch (<c>state/head-tablebranch/{table}@{branch}.json</c> in the
/// graph's store). Moved only by the commit protocol, with an ETag compare-and-swap.
/// </summary>
internal sealed class TableHeadState
{
    /// <summary>The head version, or <c>null</c> when the table never moved on this branch.</summary>
    public TableVersionRefDocument? Head { get; set; }

    /// <summary>
    /// The manifest version the write that moved the head publishes (its base + 1), or <c>null</c> for a head moved back
    /// by recovery (and for records written before it was kept). Once that write's sidecar is gone, this proves the
    /// manifest version was published: a chain that ends below it has lost a version (docs/design/storage-engine.md §3.5).
    /// </summary>
    public long? ManifestVersion { get; set; }
}
