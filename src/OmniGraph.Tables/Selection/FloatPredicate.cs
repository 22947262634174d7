using System.Numerics;
using OmniGraph.Abstractions;
using OmniGraph.Arrow;

namespace OmniGraph.Tables.Selection;

/// <summary>
/// A Float32 or Float64 column compared with a constant in the total order (NaN largest, -0.0 = 0.0). Values widen to
/// double exactly; an integer constant too large to be a double exactly is compared per value without rounding.
/// </summary>
internal sealed class FloatPredicate<T> : CompiledPredicate
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ColumnPredicateOperator _op;
    private readonly bool _exactDouble;
    private readonly double _value;
    private readonly Int128 _integer;

    public FloatPredicate(int columnIndex, ColumnPredicate source, double value)
        : base(columnIndex, source)
    {
        _op = source.Operator;
        _exactDouble = true;
        _value = value;
    }

    public FloatPredicate(int columnIndex, ColumnPredicate source, Int128 value)
        : base(columnIndex, source)
    {
        _op = source.Operator;
        _integer = value;
        _exactDouble = value <= NumericOrder.ExactDoubleLimit && value >= -NumericOrder.ExactDoubleLimit;
        _value = (double)value;
    }

    public override int Filter(ArrowColumn column, Span<int> rows, int count)
    {
        var values = ((PrimitiveColumn<T>)column).Values;
        var checkNulls = column.NullCount > 0;
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            if (Accepts(_op, Compare(double.CreateTruncating(values[row]))) && (!checkNulls || column.IsValid(row)))
            {
                rows[kept++] = row;
            }
        }

        return kept;
    }

    public override bool Matches(ArrowColumn column, int row) =>
        column.IsValid(row) && Accepts(_op, Compare(double.CreateTruncating(((PrimitiveColumn<T>)column).Values[row])));

    private int Compare(double value) =>
        _exactDouble ? NumericOrder.CompareDoubles(value, _value) : -NumericOrder.CompareIntegerToDouble(_integer, value);
}
