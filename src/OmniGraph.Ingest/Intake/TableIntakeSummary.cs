using System.Collections.Immutable;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>What one table received in a load, and the facts the storage engine needs to validate it against committed data.</summary>
public sealed class TableIntakeSummary
{
    internal TableIntakeSummary(
        TableLayout layout,
        int rowCount,
        int fragmentCount,
        Utf8KeySet ids,
        int generatedIdCount,
        ImmutableArray<SupersededRow> supersededRows,
        ImmutableArray<UniqueValueIndex> uniqueValues)
    {
        Layout = layout;
        RowCount = rowCount;
        FragmentCount = fragmentCount;
        Ids = ids;
        GeneratedIdCount = generatedIdCount;
        SupersededRows = supersededRows;
        UniqueValues = uniqueValues;
    }

    /// <summary>The table's layout.</summary>
    public TableLayout Layout { get; }

    /// <summary>The node or edge type.</summary>
    public GraphElementType Type => Layout.Type;

    /// <summary>The table key, <c>node:Person</c> or <c>edge:Knows</c>.</summary>
    public string TableName => Layout.TableName;

    /// <summary>Rows written to fragments, superseded ones included.</summary>
    public int RowCount { get; }

    /// <summary>Entities the load holds for the table: <see cref="RowCount"/> minus <see cref="SupersededRows"/>.</summary>
    public int EntityCount => RowCount - SupersededRows.Length;

    /// <summary>Fragments emitted for the table.</summary>
    public int FragmentCount { get; }

    /// <summary>
    /// Every id that was derived from <c>@key</c> or supplied as <c>data.id</c>, each with its (final) holding row.
    /// Generated ULIDs are not listed: they are fresh, so they can neither collide with committed rows nor be
    /// referenced by edges of the same load.
    /// </summary>
    public Utf8KeySet Ids { get; }

    /// <summary>Rows whose id was generated (a ULID).</summary>
    public int GeneratedIdCount { get; }

    /// <summary>Rows replaced by a later row with the same id (merge mode), in row order; the engine must drop them.</summary>
    public ImmutableArray<SupersededRow> SupersededRows { get; }

    /// <summary>The tuples of each <c>@unique</c> constraint of the type (not <c>@key</c>: that is <see cref="Ids"/>), in constraint order.</summary>
    public ImmutableArray<UniqueValueIndex> UniqueValues { get; }
}
