using OmniGraph.Abstractions;

namespace OmniGraph.Tables.Selection;

/// <summary>
/// A comparison of an integer column with a constant, normalized to what a kernel can test without any conversion per
/// value: nothing matches, every non-null value matches, values in an inclusive range match, or values other than one
/// match. A float constant becomes the exact integer range it denotes (<c>x &lt; 2.5</c> is <c>x ≤ 2</c>;
/// <c>x = 2.7</c> matches nothing).
/// </summary>
internal readonly record struct IntegerTest(IntegerTestKind Kind, Int128 Low, Int128 High)
{
    private static readonly Int128 s_min = Int128.MinValue;
    private static readonly Int128 s_max = Int128.MaxValue;

    public static IntegerTest Never => new(IntegerTestKind.Never, 0, 0);

    public static IntegerTest Always => new(IntegerTestKind.Always, 0, 0);

    /// <summary>The test of <c>column op constant</c> for an integer constant.</summary>
    public static IntegerTest For(ColumnPredicateOperator op, Int128 value) => op switch
    {
        ColumnPredicateOperator.Equal => new(IntegerTestKind.Range, value, value),
        ColumnPredicateOperator.NotEqual => new(IntegerTestKind.NotEqual, value, value),
        ColumnPredicateOperator.Less => value == s_min ? Never : new(IntegerTestKind.Range, s_min, value - 1),
        ColumnPredicateOperator.LessOrEqual => new(IntegerTestKind.Range, s_min, value),
        ColumnPredicateOperator.Greater => value == s_max ? Never : new(IntegerTestKind.Range, value + 1, s_max),
        ColumnPredicateOperator.GreaterOrEqual => new(IntegerTestKind.Range, value, s_max),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an ordering comparison"),
    };

    /// <summary>The test of <c>column op constant</c> for a float constant, exact.</summary>
    public static IntegerTest For(ColumnPredicateOperator op, double value)
    {
        // NaN and +inf are above every integer, -inf below: the result is constant.
        if (double.IsNaN(value) || value >= NumericOrder.TwoPow127)
        {
            return op is ColumnPredicateOperator.NotEqual or ColumnPredicateOperator.Less or ColumnPredicateOperator.LessOrEqual ? Always : Never;
        }

        if (value < -NumericOrder.TwoPow127)
        {
            return op is ColumnPredicateOperator.NotEqual or ColumnPredicateOperator.Greater or ColumnPredicateOperator.GreaterOrEqual ? Always : Never;
        }

        var floor = (Int128)Math.Floor(value);
        var ceiling = (Int128)Math.Ceiling(value);
        var integral = floor == ceiling;
        return op switch
        {
            ColumnPredicateOperator.Equal => integral ? new(IntegerTestKind.Range, floor, floor) : Never,
            ColumnPredicateOperator.NotEqual => integral ? new(IntegerTestKind.NotEqual, floor, floor) : Always,
            ColumnPredicateOperator.Less => new(IntegerTestKind.Range, s_min, ceiling - 1),
            ColumnPredicateOperator.LessOrEqual => new(IntegerTestKind.Range, s_min, floor),
            ColumnPredicateOperator.Greater => new(IntegerTestKind.Range, floor + 1, s_max),
            ColumnPredicateOperator.GreaterOrEqual => new(IntegerTestKind.Range, ceiling, s_max),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an ordering comparison"),
        };
    }

    /// <summary>This test restricted to the values a column type can hold (so kernels compare in the column's own width).</summary>
    public IntegerTest ClampTo(Int128 typeMin, Int128 typeMax)
    {
        switch (Kind)
        {
            case IntegerTestKind.Range:
                if (Low > typeMax || High < typeMin || Low > High)
                {
                    return Never;
                }

                var low = Low < typeMin ? typeMin : Low;
                var high = High > typeMax ? typeMax : High;
                return low == typeMin && high == typeMax ? Always : new(IntegerTestKind.Range, low, high);
            case IntegerTestKind.NotEqual:
                return Low < typeMin || Low > typeMax ? Always : this;
            default:
                return this;
        }
    }
}

/// <summary>The shapes of an <see cref="IntegerTest"/>.</summary>
internal enum IntegerTestKind : byte
{
    Never,
    Always,
    Range,
    NotEqual,
}
