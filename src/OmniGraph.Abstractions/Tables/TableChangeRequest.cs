using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>Which of a table's changes between two versions to return (<see cref="ITableBranchGrain.ReadChangesAsync"/>).</summary>
/// <param name="AfterId">Only ids after this one (ordinal order); <c>null</c> from the first.</param>
/// <param name="Limit">At most this many changes.</param>
/// <param name="Ops">Only these operations; empty for all.</param>
[GenerateSerializer]
[Immutable]
public sealed record TableChangeRequest(
    [property: Id(0)] string? AfterId,
    [property: Id(1)] int Limit,
    [property: Id(2)] ImmutableArray<ChangeOp> Ops);
