using OmniGraph.Abstractions;
using OmniGraph.Arrow;

namespace OmniGraph.Tables.Selection;

/// <summary>A Boolean column compared with a constant (<c>false &lt; true</c>).</summary>
internal sealed class BoolPredicate : CompiledPredicate
{
    private readonly ColumnPredicateOperator _op;
    private readonly bool _constant;

    public BoolPredicate(int columnIndex, ColumnPredicate source)
        : base(columnIndex, source)
    {
        _op = source.Operator;
        _constant = source.Value.Low != 0;
    }

    public override int Filter(ArrowColumn column, Span<int> rows, int count)
    {
        var booleans = (BooleanColumn)column;
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            if (column.IsValid(row) && Accepts(_op, booleans.GetValue(row).CompareTo(_constant)))
            {
                rows[kept++] = row;
            }
        }

        return kept;
    }

    public override bool Matches(ArrowColumn column, int row) =>
        column.IsValid(row) && Accepts(_op, ((BooleanColumn)column).GetValue(row).CompareTo(_constant));
}
