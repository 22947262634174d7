using OmniGraph.Grains.Storage.Documents;

namespace OmniGraph.Grains.Tables;

/// <summary>
/// The persisted physical head of a table on a branch (<c>state/head-tablebranch/{table}@{branch}.json</c> in the
/// graph's store). Moved only by the commit protocol, with an ETag compare-and-swap.
/// </summary>
internal sealed class TableHeadState
{
    /// <summary>The head version, or <c>null</c> when the table never moved on this branch.</summary>
    public TableVersionRefDocument? Head { get; set; }
}
