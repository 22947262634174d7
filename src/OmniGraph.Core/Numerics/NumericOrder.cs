namespace OmniGraph;

/// <summary>
/// The query language's total order on numbers, shared by every layer that compares them (pushed-down filters in the
/// table grains, filters and sorting in query execution, the type checker's constant folding): filters evaluated in
/// different places must agree. An integer is compared with a float exactly, without rounding either (so <c>2 = 2.7</c>
/// is false and <c>2^53 + 1</c> differs from the double <c>2^53</c>); NaN equals NaN and is greater than every other
/// number, +∞ included; -0.0 equals 0.0.
/// </summary>
public static class NumericOrder
{
    /// <summary>2^127: no <see cref="Int128"/> equals or exceeds a double at or beyond it.</summary>
    public const double TwoPow127 = 1.7014118346046923e38;

    /// <summary>2^53: every integer of at most this magnitude converts to a double exactly.</summary>
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

        // At least one NaN: NaN is the largest value and equal to itself.
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

        // Same integral part: the fraction decides (the integer has none).
        var fraction = value - whole;
        return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
    }

    /// <summary>
    /// <see langword="true"/> when <paramref name="value"/> is integral and within <see cref="Int128"/>, with the exact
    /// integer in <paramref name="integer"/>.
    /// </summary>
    public static bool TryGetExactInteger(double value, out Int128 integer)
    {
        if (double.IsFinite(value) && Math.Truncate(value) == value && value < TwoPow127 && value >= -TwoPow127)
        {
            integer = (Int128)value;
            return true;
        }

        integer = default;
        return false;
    }
}
