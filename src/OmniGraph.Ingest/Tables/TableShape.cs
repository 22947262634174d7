using System.Collections.Immutable;
using OmniGraph.Arrow;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>
/// What the two sides of the intake agree on about one table: the row readers of every parse lane (which fill chunk-local
/// columns) and the one <see cref="TableWriter"/> that merges their rows into fragments.
/// </summary>
internal sealed class TableShape
{
    public TableShape(GraphElementType type, ArrowSchema batchSchema, int fixedRowWidth, ImmutableArray<UniqueConstraint> uniques)
    {
        Type = type;
        Layout = TableLayout.For(type);
        BatchSchema = batchSchema;
        FixedRowWidth = fixedRowWidth;
        Uniques = uniques;
        IsKeyed = type is NodeType { KeyProperties.Length: > 0 };
    }

    public GraphElementType Type { get; }

    public TableLayout Layout { get; }

    public string TableName => Layout.TableName;

    public bool IsEdge => Layout.IsEdge;

    public bool IsKeyed { get; }

    /// <summary>The schema of the table's fragments (a vector left open for the consumer is nullable in it).</summary>
    public ArrowSchema BatchSchema { get; }

    /// <summary>Estimated bytes per row excluding variable-length data.</summary>
    public int FixedRowWidth { get; }

    /// <summary>The <c>@unique</c> constraints, in the order every chunk lists a row's tuples.</summary>
    public ImmutableArray<UniqueConstraint> Uniques { get; }
}
