namespace OmniGraph.Tables.Storage.Documents;

/// <summary>
/// <c>tables/{kind}-{id}/versions/{inc}/{version}-{tx}.json</c>: one immutable table version with its whole fragment list:
/// as stored in format 1 (a full version, a checkpoint), or resolved from a format 2 delta
/// (<see cref="TableVersionDeltaDocument"/>, <see cref="TableVersionChain"/>), which is never written in this form.
/// </summary>
internal sealed class TableVersionDocument : TableVersionObjectDocument
{
    public required FragmentEntryDocument[] Fragments { get; init; }

    /// <summary>How many delta objects lead from this version to its full version (0: it is stored in full).</summary>
    /// <remarks>Not public, so not a member of the stored document: a stored full version that carries one is refused.</remarks>
    internal int Depth { get; init; }

    /// <summary>
    /// The keys of the earlier version objects this version was resolved through (its delta parents back to the full
    /// version, nearest first; empty when stored in full): objects it needs as much as its fragments.
    /// </summary>
    internal string[] Links { get; init; } = [];
}

/// <summary>One fragment of a table version, with its deletion vector (if any of its rows are deleted).</summary>
internal sealed class FragmentEntryDocument
{
    public required string Id { get; init; }

    public required string Key { get; init; }

    public required int Rows { get; init; }

    public required DeletionVectorDocument? Deletions { get; init; }
}

/// <summary>
/// A deletion vector: every deleted row ordinal of its fragment (cumulative along the chain), stored as record batch
/// <see cref="Batch"/> of a deletion file (one file per table version holds the vectors of every fragment it touched).
/// </summary>
internal sealed class DeletionVectorDocument
{
    public required string Key { get; init; }

    public required int Batch { get; init; }

    public required int Count { get; init; }
}
