namespace OmniGraph.Tables.Storage.Documents;

/// <summary>
/// <c>tables/{kind}-{id}/versions/{inc}/{version}-{tx}.json</c> in format 2: one immutable table version stored as its
/// parent (on the same chain) plus what it changes: the fragments it appends and the deletion vectors it replaces on
/// fragments it inherits. A small commit therefore writes O(its own change), not the table's whole fragment list; a
/// reader resolves it by walking its parent back to the nearest full version (format 1), at most
/// <see cref="StorageFormat.TableVersionCheckpointInterval"/> objects (<see cref="TableVersionChain"/>).
/// </summary>
internal sealed class TableVersionDeltaDocument : TableVersionObjectDocument
{
    /// <summary>How many delta objects lead from this one to the nearest full version, this one included (1 or more).</summary>
    public required int Depth { get; init; }

    /// <summary>How many fragments the parent has: they are this version's first fragments, in the parent's order.</summary>
    public required int Inherited { get; init; }

    /// <summary>The fragments this version appends after the inherited ones, with their deletion vectors.</summary>
    public required FragmentEntryDocument[] Added { get; init; }

    /// <summary>The inherited fragments whose deletion vector this version replaces, by ascending position.</summary>
    public required DeletionReplacementDocument[] Replaced { get; init; }
}

/// <summary>A new (cumulative) deletion vector for the inherited fragment at <see cref="Fragment"/>.</summary>
internal sealed class DeletionReplacementDocument
{
    /// <summary>The fragment's position in the version's fragment list (below the inherited count).</summary>
    public required int Fragment { get; init; }

    public required DeletionVectorDocument Deletions { get; init; }
}
