using System.Text;
using OmniGraph.Arrow;
using OmniGraph.Mutations.Values;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Mutations.Matching;

/// <summary>
/// Evaluates <c>column op value</c> over a whole stored column with the query language's comparison semantics
/// (<see cref="QueryValueComparer"/>): SQL nulls never match, numbers compare exactly across kinds, strings in code point
/// order. String columns are compared as UTF-8 bytes against the value encoded once (code point order is UTF-8 byte
/// order), so a scan allocates nothing per row; other scalars are read in place.
/// </summary>
internal static class ColumnFilter
{
    /// <summary>Appends to <paramref name="matches"/> the rows of <paramref name="column"/> (of type <paramref name="type"/>) whose value compares true with <paramref name="value"/>.</summary>
    public static void Collect(ArrowColumn column, PropertyType type, ComparisonOperator op, QueryValue value, List<int> matches)
    {
        if (value.IsNull)
        {
            return;
        }

        var length = column.Length;
        var noNulls = column.NullCount == 0;
        if (type.IsEnum || type.IsString)
        {
            if (value.Kind != QueryValueKind.String)
            {
                return;
            }

            var utf8 = Encoding.UTF8.GetBytes(value.AsString());
            var strings = (Utf8Column)column;
            for (var row = 0; row < length; row++)
            {
                if ((noNulls || strings.IsValid(row)) && op.Matches(StringOrder.CompareUtf8(strings.GetBytes(row), utf8)))
                {
                    matches.Add(row);
                }
            }

            return;
        }

        if (type.Kind == PropertyTypeKind.Scalar && type.Scalar != ScalarKind.Blob)
        {
            var kind = type.Scalar;
            for (var row = 0; row < length; row++)
            {
                if ((noNulls || column.IsValid(row)) && QueryValueComparer.Evaluate(op, CellReader.ReadScalar(column, row, kind), value))
                {
                    matches.Add(row);
                }
            }

            return;
        }

        // Lists and vectors: the type checker refuses them in a where; evaluate generally (they never compare to a scalar).
        for (var row = 0; row < length; row++)
        {
            if ((noNulls || column.IsValid(row)) && QueryValueComparer.Evaluate(op, CellReader.Read(column, row, type).Value, value))
            {
                matches.Add(row);
            }
        }
    }
}
