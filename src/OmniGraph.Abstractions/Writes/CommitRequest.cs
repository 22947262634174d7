using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>
/// What a coordinator asks <see cref="IManifestProtocol.SubmitCommitAsync"/> to publish: the staged table versions of one
/// write, the base they were prepared against and the pre-minted commit identity.
/// </summary>
/// <param name="Tx">The write transaction (names the recovery sidecar).</param>
/// <param name="Branch">The branch.</param>
/// <param name="BaseVersion">The manifest version the write was prepared against; the new version is this plus one.</param>
/// <param name="BaseCommitId">The commit of the base version.</param>
/// <param name="Tables">For each written table, its expected (published) version and its staged version, in any order.</param>
/// <param name="CommitId">The commit id to publish (ULID, minted once).</param>
/// <param name="RollbackCommitId">The id recovery publishes if it has to fence this write off (ULID, minted once).</param>
/// <param name="CreatedAt">The commit time, microseconds since the Unix epoch.</param>
[GenerateSerializer]
[Immutable]
internal sealed record CommitRequest(
    [property: Id(0)] string Tx,
    [property: Id(1)] string Branch,
    [property: Id(2)] long BaseVersion,
    [property: Id(3)] string BaseCommitId,
    [property: Id(4)] ImmutableArray<TableCommitChange> Tables,
    [property: Id(5)] string CommitId,
    [property: Id(6)] string RollbackCommitId,
    [property: Id(7)] long CreatedAt)
{
    /// <summary>User compare-and-swap: the head commit the caller expects.</summary>
    [Id(8)]
    public string? ExpectedHeadCommit { get; init; }

    /// <summary>Who makes the write.</summary>
    [Id(9)]
    public string? Actor { get; init; }

    /// <summary>What makes the write (<c>load</c>, <c>mutation</c>, ...).</summary>
    [Id(10)]
    public string Writer { get; init; } = "write";

    /// <summary>
    /// A merge commit's second parent: the source branch's head commit the merge took (<c>null</c> for every other
    /// write). The commit's first parent is always the branch head it was based on.
    /// </summary>
    [Id(11)]
    public string? MergedParentId { get; init; }

    /// <summary>A promotion's source branch, recorded in its audit entry (<c>null</c> for every other write).</summary>
    [Id(12)]
    public string? PromotionSource { get; init; }

    /// <summary>A promotion's diff digest (the reviewed change), recorded in its audit entry (<c>null</c> for every other write).</summary>
    [Id(13)]
    public string? PromotionDigest { get; init; }

    /// <summary>
    /// A schema apply's new schema and complete table set (<c>null</c> for every other write): the manifest it publishes
    /// names this schema and exactly these tables, each replaced by its staged version when <see cref="Tables"/> has one.
    /// </summary>
    [Id(14)]
    public CommitSchemaChange? SchemaChange { get; init; }
}

/// <summary>The schema part of a schema apply's <see cref="CommitRequest"/>.</summary>
/// <param name="SchemaHash">The new schema (its IR and source are stored before the commit is submitted).</param>
/// <param name="Tables">Every table of the new schema: a kept table's published version, a new or renamed table's version 0.</param>
[GenerateSerializer]
[Immutable]
public sealed record CommitSchemaChange(
    [property: Id(0)] string SchemaHash,
    [property: Id(1)] ImmutableArray<TableVersionRef> Tables)
{
    /// <summary>What soft drops keep after the apply: the head's, plus this apply's soft drops, less what it restores or releases.</summary>
    [Id(2)]
    public ImmutableArray<DroppedTable> Dropped { get; init; } = [];
}

/// <summary>One table of a <see cref="CommitRequest"/>.</summary>
/// <param name="Expected">The version the base snapshot names (the table head the write expects).</param>
/// <param name="Staged">The staged version that replaces it.</param>
[GenerateSerializer]
[Immutable]
internal sealed record TableCommitChange(
    [property: Id(0)] TableVersionRef Expected,
    [property: Id(1)] TableVersionRef Staged)
{
    /// <summary>
    /// Objects of the staged version written without a flush (<see cref="StagedTableVersion.Unflushed"/>): the commit
    /// flushes them together with its recovery sidecar, before it moves any head.
    /// </summary>
    [Id(2)]
    public ImmutableArray<string> Unflushed { get; init; } = [];
}
