namespace OmniGraph.Query.Values;

/// <summary>
/// Exact comparisons between numbers of different kinds, for filters and sorting. Integers are compared as
/// <see cref="Int128"/>; an integer against a float is compared exactly (never by rounding the integer to a
/// double), so <c>I32 2 = 2.7</c> is false and <c>I64 2^53+1 = 2^53 as double</c> is false as well.
/// </summary>
/// <remarks>
/// Floats use a total order so that filters and sorting agree: NaN equals NaN and is greater than every other
/// number (including +∞); -0.0 equals 0.0.
/// </remarks>
public static class NumericComparison
{
    private const double TwoPow127 = 1.7014118346046923e38;

    /// <summary>Compares two floats in the total order described on the type.</summary>
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
        var rightNaN = double.IsNaN(right);
        return leftNaN == rightNaN ? 0 : leftNaN ? 1 : -1;
    }

    /// <summary>Compares an integer with a float exactly.</summary>
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
    /// <c>true</c> when <paramref name="value"/> is integral and within <see cref="Int128"/>, with the exact
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

    /// <summary>Compares two numeric values of any kinds exactly.</summary>
    /// <exception cref="ArgumentException">Either value is not numeric.</exception>
    public static int Compare(in QueryValue left, in QueryValue right)
    {
        var leftInteger = left.Kind.IsInteger();
        var rightInteger = right.Kind.IsInteger();
        if (!left.Kind.IsNumeric() || !right.Kind.IsNumeric())
        {
            throw new ArgumentException("Both values must be numeric.");
        }

        if (leftInteger && rightInteger)
        {
            return left.AsInteger().CompareTo(right.AsInteger());
        }

        if (leftInteger)
        {
            return CompareIntegerToDouble(left.AsInteger(), right.AsDouble());
        }

        if (rightInteger)
        {
            return -CompareIntegerToDouble(right.AsInteger(), left.AsDouble());
        }

        return CompareDoubles(left.AsDouble(), right.AsDouble());
    }
}
