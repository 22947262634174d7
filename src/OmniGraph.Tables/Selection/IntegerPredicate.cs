using System.Numerics;
using OmniGraph.Abstractions;
using OmniGraph.Arrow;

namespace OmniGraph.Tables.Selection;

/// <summary>An integer, date or timestamp column compared with a constant, as an <see cref="IntegerTest"/> in the column's own width.</summary>
internal sealed class IntegerPredicate<T> : CompiledPredicate
    where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
{
    private readonly IntegerTestKind _kind;
    private readonly T _low;
    private readonly T _high;

    public IntegerPredicate(int columnIndex, ColumnPredicate source, IntegerTest test)
        : base(columnIndex, source)
    {
        var clamped = test.ClampTo(Int128.CreateTruncating(T.MinValue), Int128.CreateTruncating(T.MaxValue));
        _kind = clamped.Kind;
        _low = clamped.Kind is IntegerTestKind.Range or IntegerTestKind.NotEqual ? T.CreateTruncating(clamped.Low) : default;
        _high = clamped.Kind == IntegerTestKind.Range ? T.CreateTruncating(clamped.High) : default;
    }

    public override bool IsNever => _kind == IntegerTestKind.Never;

    public override int Filter(ArrowColumn column, Span<int> rows, int count)
    {
        if (_kind == IntegerTestKind.Never)
        {
            return 0;
        }

        var values = ((PrimitiveColumn<T>)column).Values;
        var checkNulls = column.NullCount > 0;
        var kept = 0;
        var low = _low;
        var high = _high;
        switch (_kind)
        {
            case IntegerTestKind.Always:
                if (!checkNulls)
                {
                    return count;
                }

                for (var i = 0; i < count; i++)
                {
                    var row = rows[i];
                    if (column.IsValid(row))
                    {
                        rows[kept++] = row;
                    }
                }

                return kept;
            case IntegerTestKind.Range:
                for (var i = 0; i < count; i++)
                {
                    var row = rows[i];
                    var value = values[row];
                    if (value >= low && value <= high && (!checkNulls || column.IsValid(row)))
                    {
                        rows[kept++] = row;
                    }
                }

                return kept;
            default:
                for (var i = 0; i < count; i++)
                {
                    var row = rows[i];
                    if (values[row] != low && (!checkNulls || column.IsValid(row)))
                    {
                        rows[kept++] = row;
                    }
                }

                return kept;
        }
    }

    public override bool Matches(ArrowColumn column, int row)
    {
        if (!column.IsValid(row))
        {
            return false;
        }

        var value = ((PrimitiveColumn<T>)column).Values[row];
        return _kind switch
        {
            IntegerTestKind.Always => true,
            IntegerTestKind.Range => value >= _low && value <= _high,
            IntegerTestKind.NotEqual => value != _low,
            _ => false,
        };
    }
}
