using OmniGraph.Arrow;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Execution.Runtime;

/// <summary>Reads one cell of a property column as a <see cref="QueryValue"/> (scalars only: no allocation) or as UTF-8 bytes.</summary>
internal static class CellReader
{
    /// <summary>The scalar at <paramref name="index"/> of a column storing <paramref name="type"/> (null for a null cell).</summary>
    public static QueryValue Scalar(ArrowColumn column, int index, ScalarKind type)
    {
        if (column.IsNull(index))
        {
            return QueryValue.Null;
        }

        return type switch
        {
            ScalarKind.Bool => QueryValue.FromBool(((BooleanColumn)column).GetValue(index)),
            ScalarKind.I32 => QueryValue.FromInt32(((PrimitiveColumn<int>)column).GetValue(index)),
            ScalarKind.I64 => QueryValue.FromInt64(((PrimitiveColumn<long>)column).GetValue(index)),
            ScalarKind.U32 => QueryValue.FromUInt32(((PrimitiveColumn<uint>)column).GetValue(index)),
            ScalarKind.U64 => QueryValue.FromUInt64(((PrimitiveColumn<ulong>)column).GetValue(index)),
            ScalarKind.F32 => QueryValue.FromFloat32(((PrimitiveColumn<float>)column).GetValue(index)),
            ScalarKind.F64 => QueryValue.FromFloat64(((PrimitiveColumn<double>)column).GetValue(index)),
            ScalarKind.Date => QueryValue.FromDate(((PrimitiveColumn<int>)column).GetValue(index)),
            ScalarKind.DateTime => QueryValue.FromDateTime(((PrimitiveColumn<long>)column).GetValue(index)),
            ScalarKind.String => QueryValue.FromString(((Utf8Column)column).GetString(index)),
            _ => throw new InvalidOperationException($"{type} values are not read as scalars"),
        };
    }

    /// <summary>The scalar kind a property's cells hold (enums are strings).</summary>
    public static ScalarKind ScalarOf(PropertyType type) => type.Kind == PropertyTypeKind.Enum ? ScalarKind.String : type.Scalar;
}
