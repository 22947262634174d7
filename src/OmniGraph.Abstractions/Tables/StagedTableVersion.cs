using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>
/// A table version staged (invisibly) by <see cref="ITableBranchProtocol.PrepareVersionAsync"/>, with the facts the
/// cross-table checks of the write need (edge endpoints it adds, sources it touches, node ids it removes). The objects
/// it wrote are durable only once their <see cref="Unflushed"/> keys are flushed, which the commit does before its first
/// effect.
/// </summary>
/// <param name="Version">The staged version (its object exists; no manifest names it yet).</param>
/// <param name="Parent">The version it was prepared against (the expected head).</param>
/// <param name="Inserted">Rows whose id was not live in the parent.</param>
/// <param name="Replaced">Live rows of the parent replaced by a row with the same id.</param>
/// <param name="Deleted">Live rows of the parent deleted (by id, or dropped by an overwrite).</param>
[GenerateSerializer]
[Immutable]
internal sealed record StagedTableVersion(
    [property: Id(0)] TableVersionRef Version,
    [property: Id(1)] TableVersionRef Parent,
    [property: Id(2)] long Inserted,
    [property: Id(3)] long Replaced,
    [property: Id(4)] long Deleted)
{
    /// <summary>Ids live in the parent and absent from the staged version (deleted, or dropped by an overwrite).</summary>
    [Id(5)]
    public KeyBatch RemovedIds { get; init; } = KeyBatch.Empty;

    /// <summary>Edge tables: the distinct <c>src</c> ids of the rows the write adds.</summary>
    [Id(6)]
    public KeyBatch AddedSources { get; init; } = KeyBatch.Empty;

    /// <summary>Edge tables: the distinct <c>dst</c> ids of the rows the write adds.</summary>
    [Id(7)]
    public KeyBatch AddedTargets { get; init; } = KeyBatch.Empty;

    /// <summary>Edge tables: the distinct <c>src</c> ids of the parent's rows the write removes (replaced, deleted or overwritten).</summary>
    [Id(8)]
    public KeyBatch RemovedSources { get; init; } = KeyBatch.Empty;

    /// <summary>
    /// The objects the preparation wrote without flushing them (new fragments, the deletion file, the version object):
    /// the commit must flush them (<c>IObjectStore.FlushAsync</c>) before anything durable names them.
    /// </summary>
    [Id(9)]
    public ImmutableArray<string> Unflushed { get; init; } = [];
}
