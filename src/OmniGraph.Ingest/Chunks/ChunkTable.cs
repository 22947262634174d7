using OmniGraph.Arrow;

namespace OmniGraph.Ingest;

/// <summary>
/// One table's rows of one parse chunk, as a lane read them: the built columns (layout order; the id column is left to
/// the merge, which assigns ids in file order) and the per-row facts the merge checks. A column may hold one value more
/// than <see cref="ChunkRows.Count"/> when the chunk ended in an error inside a row; the merge takes only whole rows.
/// </summary>
internal sealed class ChunkTable
{
    public ChunkTable(TableShape shape, ArrowColumn?[] columns, ChunkRows rows)
    {
        Shape = shape;
        Columns = columns;
        Rows = rows;
    }

    public TableShape Shape { get; }

    /// <summary>Columns in layout order; <see cref="TableLayout.IdColumnIndex"/> is <c>null</c>.</summary>
    public ArrowColumn?[] Columns { get; }

    public ChunkRows Rows { get; }
}
