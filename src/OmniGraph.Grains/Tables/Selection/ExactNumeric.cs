namespace OmniGraph.Grains.Tables.Selection;

/// <summary>
/// Exact comparisons between integers and floats for pushed-down filters, in the query language's total order: an
/// integer is compared with a float without rounding either, NaN is the largest value and equals itself, and -0.0
/// equals 0.0. (The query layer uses the same order; filters evaluated here and there must agree.)
/// </summary>
internal static class ExactNumeric
{
    /// <summary>2^127: beyond it no <see cref="Int128"/> can be equal or between.</summary>
    public const double TwoPow127 = 1.7014118346046923e38;

    /// <summary>2^53: integers up to it convert to a double exactly.</summary>
    public static readonly Int128 ExactDoubleLimit = (Int128)1 << 53;

    /// <summary>Compares two doubles in the total order.</summary>
    public static int CompareDoubles(double left, double right)
    {
        if (left < right)
        {
            return -1;
        }

        if (left > right)
        {
            return 1;
        }

        if (left == right)
        {
            return 0;
        }

        var leftNaN = double.IsNaN(left);
        return leftNaN == double.IsNaN(right) ? 0 : leftNaN ? 1 : -1;
    }

    /// <summary>Compares an integer with a double exactly.</summary>
    public static int CompareIntegerToDouble(Int128 integer, double value)
    {
        if (double.IsNaN(value) || value >= TwoPow127)
        {
            return -1;
        }

        if (value < -TwoPow127)
        {
            return 1;
        }

        var whole = Math.Truncate(value);
        var order = integer.CompareTo((Int128)whole);
        if (order != 0)
        {
            return order;
        }

        var fraction = value - whole;
        return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
    }
}
