using OmniGraph.Arrow;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>
/// A full batch of one table's rows, laid out by <see cref="TableLayout"/>, ready to be written out as one fragment.
/// Fragments of a table come in file order; row <c>r</c> of fragment <see cref="Index"/> is table row
/// <c><see cref="FirstRowOrdinal"/> + r</c>.
/// </summary>
public sealed class IntakeFragment
{
    internal IntakeFragment(TableLayout layout, RecordBatch batch, int index, int firstRowOrdinal, ReadOnlyMemory<long> lineNumbers, long estimatedBytes)
    {
        EstimatedBytes = estimatedBytes;
        Layout = layout;
        Batch = batch;
        Index = index;
        FirstRowOrdinal = firstRowOrdinal;
        LineNumbers = lineNumbers;
    }

    /// <summary>The table's layout (its Arrow schema is <see cref="RecordBatch.Schema"/> of <see cref="Batch"/>).</summary>
    public TableLayout Layout { get; }

    /// <summary>The node or edge type.</summary>
    public GraphElementType Type => Layout.Type;

    /// <summary>The table key, <c>node:Person</c> or <c>edge:Knows</c>.</summary>
    public string TableName => Layout.TableName;

    /// <summary>The rows: <c>id</c> (edges: <c>src</c>, <c>dst</c>) then one column per property.</summary>
    public RecordBatch Batch { get; }

    /// <summary>Position of this fragment among the table's fragments of this load (0-based).</summary>
    public int Index { get; }

    /// <summary>Table row ordinal of the first row (rows are numbered in file order from 0 across fragments).</summary>
    public int FirstRowOrdinal { get; }

    /// <summary>The input line of every row, so errors found later (against committed data) can still name a line.</summary>
    public ReadOnlyMemory<long> LineNumbers { get; }

    /// <summary>
    /// The columnar size of the rows as the intake estimated it when it cut the fragment (fixed widths plus variable
    /// bytes; the same measure <see cref="JsonlIntakeOptions.FragmentMaxBytes"/> bounds): what a consumer holding the
    /// fragment holds.
    /// </summary>
    public long EstimatedBytes { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Batch.Length;
}
