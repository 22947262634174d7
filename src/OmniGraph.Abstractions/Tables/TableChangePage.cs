using System.Collections.Immutable;
using OmniGraph.Arrow;

namespace OmniGraph.Abstractions;

/// <summary>
/// A page of one table's changes between two versions, by id in ordinal order. <see cref="Before"/> holds one row per
/// change that has an older image (updates, deletes), <see cref="After"/> one per change that has a newer image
/// (inserts, updates), both in change order and laid out as the table.
/// </summary>
/// <param name="Table">The table key.</param>
/// <param name="Ids">The changed ids, ascending.</param>
/// <param name="Ops">Each id's operation.</param>
/// <param name="Before">The older rows.</param>
/// <param name="After">The newer rows.</param>
/// <param name="HasMore">Whether changes after the last id remain.</param>
/// <param name="Examined">Ids whose rows may differ (found from the fragment lists): what the page cost.</param>
[GenerateSerializer]
[Immutable]
public sealed record TableChangePage(
    [property: Id(0)] string Table,
    [property: Id(1)] ImmutableArray<string> Ids,
    [property: Id(2)] ImmutableArray<ChangeOp> Ops,
    [property: Id(3)] RecordBatch Before,
    [property: Id(4)] RecordBatch After,
    [property: Id(5)] bool HasMore,
    [property: Id(6)] long Examined);
