using System.Collections.Immutable;
using OmniGraph.Arrow;

namespace OmniGraph.Abstractions;

/// <summary>
/// The rows found for a batch of ids: row <c>i</c> of <see cref="Rows"/> answers input position
/// <c>InputPositions[i]</c>; ids without a live row are left out. Rows come in input order.
/// </summary>
/// <param name="InputPositions">For each found row, the position of its id in the probe batch.</param>
/// <param name="Rows">The found rows, projected.</param>
[GenerateSerializer]
[Immutable]
public sealed record KeyLookupResult(
    [property: Id(0)] ImmutableArray<int> InputPositions,
    [property: Id(1)] RecordBatch Rows);
