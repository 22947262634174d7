using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>
/// One atomic graph write: per-table changes validated together against one base snapshot and published as exactly
/// one commit (one manifest version), or not at all.
/// </summary>
/// <param name="Branch">The branch to write.</param>
/// <param name="Tables">The per-table changes (at most one entry per table). May be empty: a load of an empty file still commits.</param>
[GenerateSerializer]
[Immutable]
public sealed record GraphWriteRequest(
    [property: Id(0)] string Branch,
    [property: Id(1)] ImmutableArray<TableWrite> Tables)
{
    /// <summary>
    /// The manifest version of <see cref="Branch"/> the caller prepared against (a pinned read), or <c>null</c> to
    /// start from the current head. If the head has moved by commit time the write fails with
    /// <see cref="ReadSetChangedException"/> (or is re-prepared, see <see cref="RetryOnReadSetChange"/>).
    /// </summary>
    [Id(2)]
    public long? BaseManifestVersion { get; init; }

    /// <summary>User compare-and-swap: the head commit the caller expects; otherwise <see cref="GraphPreconditionFailedException"/>, never retried.</summary>
    [Id(3)]
    public string? ExpectedHeadCommit { get; init; }

    /// <summary>Who makes the write (recorded on the commit).</summary>
    [Id(4)]
    public string? Actor { get; init; }

    /// <summary>What makes the write (<c>load</c>, <c>mutation</c>, ...), recorded on the commit and in recovery sidecars.</summary>
    [Id(5)]
    public string Writer { get; init; } = "write";

    /// <summary>
    /// Re-prepare from the new head when the head moved before any effect (loads in append/merge mode, insert-only
    /// mutations); otherwise such a conflict fails the write with <see cref="ReadSetChangedException"/>.
    /// </summary>
    [Id(6)]
    public bool RetryOnReadSetChange { get; init; }

    /// <summary>
    /// The schema the rows were laid out for (<c>null</c>: not stated). When the branch has another schema by the time
    /// the write prepares (a schema apply published in between), the write is refused with <c>schema_changed</c>: its
    /// rows no longer fit, and re-preparing them would not make them fit.
    /// </summary>
    [Id(7)]
    public string? SchemaHash { get; init; }
}
