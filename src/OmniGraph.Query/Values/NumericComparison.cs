namespace OmniGraph.Query.Values;

/// <summary>
/// Exact comparison of two query values of any numeric kinds, in the total order of <see cref="NumericOrder"/>:
/// integers as <see cref="Int128"/>, an integer against a float without rounding either.
/// </summary>
public static class NumericComparison
{
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
            return NumericOrder.CompareIntegerToDouble(left.AsInteger(), right.AsDouble());
        }

        if (rightInteger)
        {
            return -NumericOrder.CompareIntegerToDouble(right.AsInteger(), left.AsDouble());
        }

        return NumericOrder.CompareDoubles(left.AsDouble(), right.AsDouble());
    }
}
