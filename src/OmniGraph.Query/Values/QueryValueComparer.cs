using OmniGraph.Query.Ir;

namespace OmniGraph.Query.Values;

/// <summary>
/// The comparison semantics of the query language over <see cref="QueryValue"/>s, shared by the type checker's
/// constant handling and by execution: exact cross-kind numeric comparison (<see cref="NumericComparison"/>),
/// code-point string order (<see cref="StringOrder"/>), SQL three-valued logic for filters and a total order for
/// sorting.
/// </summary>
public static class QueryValueComparer
{
    /// <summary>
    /// Three-way comparison of two non-null values of comparable kinds (numbers with numbers, strings, booleans,
    /// dates, timestamps). Returns <c>false</c> when either value is null or the kinds are not comparable.
    /// </summary>
    public static bool TryCompare(in QueryValue left, in QueryValue right, out int order)
    {
        order = 0;
        var leftKind = left.Kind;
        var rightKind = right.Kind;
        if (leftKind.IsNumeric() && rightKind.IsNumeric())
        {
            order = NumericComparison.Compare(left, right);
            return true;
        }

        if (leftKind != rightKind)
        {
            return false;
        }

        switch (leftKind)
        {
            case QueryValueKind.String:
                order = StringOrder.Compare(left.AsString(), right.AsString());
                return true;
            case QueryValueKind.Bool or QueryValueKind.Date or QueryValueKind.DateTime:
                order = left.RawBits.CompareTo(right.RawBits);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Evaluates a filter with SQL null semantics: a null operand never matches (<c>!=</c> included), and
    /// incomparable operands never match. <see cref="ComparisonOperator.ListContains"/> tests membership of
    /// <paramref name="right"/> in the list <paramref name="left"/>; the string operators are ordinal.
    /// </summary>
    public static bool Evaluate(ComparisonOperator op, in QueryValue left, in QueryValue right)
    {
        if (left.IsNull || right.IsNull)
        {
            return false;
        }

        switch (op)
        {
            case ComparisonOperator.ListContains:
                if (left.Kind != QueryValueKind.List)
                {
                    return false;
                }

                foreach (var item in left.AsList())
                {
                    if (TryCompare(item, right, out var order) && order == 0)
                    {
                        return true;
                    }
                }

                return false;
            case ComparisonOperator.StringContains:
                return left.Kind == QueryValueKind.String && right.Kind == QueryValueKind.String
                    && left.AsString().Contains(right.AsString(), StringComparison.Ordinal);
            case ComparisonOperator.StartsWith:
                return left.Kind == QueryValueKind.String && right.Kind == QueryValueKind.String
                    && left.AsString().StartsWith(right.AsString(), StringComparison.Ordinal);
            default:
                return TryCompare(left, right, out var comparison) && op.Matches(comparison);
        }
    }

    /// <summary>
    /// Total order for sorting: null before every value (so nulls come first ascending and last descending),
    /// then the value order of <see cref="TryCompare"/>; values of incomparable kinds order by kind.
    /// </summary>
    public static int CompareForSort(in QueryValue left, in QueryValue right)
    {
        if (left.IsNull || right.IsNull)
        {
            return left.IsNull == right.IsNull ? 0 : left.IsNull ? -1 : 1;
        }

        if (TryCompare(left, right, out var order))
        {
            return order;
        }

        if (left.Kind == right.Kind)
        {
            return CompareSequences(left, right);
        }

        return left.Kind.CompareTo(right.Kind);
    }

    /// <summary>
    /// Value equality for grouping and de-duplication: null equals null; numbers are equal across kinds when
    /// they denote the same number; lists and vectors are equal element-wise.
    /// </summary>
    public static bool AreEqual(in QueryValue left, in QueryValue right)
    {
        if (left.IsNull || right.IsNull)
        {
            return left.IsNull && right.IsNull;
        }

        if (TryCompare(left, right, out var order))
        {
            return order == 0;
        }

        return left.Kind == right.Kind && left.Kind is QueryValueKind.List or QueryValueKind.Vector && CompareSequences(left, right) == 0;
    }

    /// <summary>A hash code consistent with <see cref="AreEqual"/>.</summary>
    public static int GetHashCode(in QueryValue value)
    {
        switch (value.Kind)
        {
            case QueryValueKind.Null:
                return 0;
            case QueryValueKind.I32 or QueryValueKind.I64 or QueryValueKind.U32 or QueryValueKind.U64:
                return value.AsInteger().GetHashCode();
            case QueryValueKind.F32 or QueryValueKind.F64:
                var d = value.AsDouble();
                if (NumericOrder.TryGetExactInteger(d, out var integer))
                {
                    return integer.GetHashCode();
                }

                return double.IsNaN(d) ? int.MaxValue : d.GetHashCode();
            case QueryValueKind.String:
                return StringComparer.Ordinal.GetHashCode(value.AsString());
            case QueryValueKind.List:
                var hash = new HashCode();
                foreach (var item in value.AsList())
                {
                    hash.Add(GetHashCode(item));
                }

                return hash.ToHashCode();
            case QueryValueKind.Vector:
                var vectorHash = new HashCode();
                foreach (var component in value.AsVector())
                {
                    vectorHash.Add(component == 0 ? 0f : component);
                }

                return vectorHash.ToHashCode();
            default:
                return HashCode.Combine(value.Kind, value.RawBits);
        }
    }

    private static int CompareSequences(in QueryValue left, in QueryValue right)
    {
        if (left.Kind == QueryValueKind.Vector)
        {
            var a = left.AsVector();
            var b = right.AsVector();
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var order = NumericOrder.CompareDoubles(a[i], b[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return a.Length.CompareTo(b.Length);
        }

        var x = left.AsList();
        var y = right.AsList();
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var order = CompareForSort(x[i], y[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
