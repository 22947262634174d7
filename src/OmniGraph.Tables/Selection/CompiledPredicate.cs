using OmniGraph.Abstractions;
using OmniGraph.Arrow;

namespace OmniGraph.Tables.Selection;

/// <summary>
/// A <see cref="ColumnPredicate"/> bound to one column of a table layout and specialised for the column's physical type,
/// so that a scan tests raw values straight from the column's memory (no value object, no boxing, no string).
/// </summary>
internal abstract class CompiledPredicate
{
    private protected CompiledPredicate(int columnIndex, ColumnPredicate source)
    {
        ColumnIndex = columnIndex;
        Source = source;
    }

    /// <summary>The column the predicate reads (index in the table layout).</summary>
    public int ColumnIndex { get; }

    /// <summary>The predicate as requested.</summary>
    public ColumnPredicate Source { get; }

    /// <summary><c>true</c> when no value can match (the constant lies outside what the column can hold).</summary>
    public virtual bool IsNever => false;

    /// <summary>Keeps the rows of <paramref name="rows"/>[0..<paramref name="count"/>) whose value matches, in order; returns how many.</summary>
    public abstract int Filter(ArrowColumn column, Span<int> rows, int count);

    /// <summary>Whether the value at <paramref name="row"/> matches (a null never does).</summary>
    public abstract bool Matches(ArrowColumn column, int row);

    /// <summary>Applies an ordering operator to a three-way comparison.</summary>
    private protected static bool Accepts(ColumnPredicateOperator op, int comparison) => op switch
    {
        ColumnPredicateOperator.Equal => comparison == 0,
        ColumnPredicateOperator.NotEqual => comparison != 0,
        ColumnPredicateOperator.Less => comparison < 0,
        ColumnPredicateOperator.LessOrEqual => comparison <= 0,
        ColumnPredicateOperator.Greater => comparison > 0,
        _ => comparison >= 0,
    };

    private protected static bool IsOrdering(ColumnPredicateOperator op) => op <= ColumnPredicateOperator.GreaterOrEqual;
}
