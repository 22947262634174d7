using System.Runtime.InteropServices;
using OmniGraph.Arrow;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Mutations.Values;

/// <summary>
/// Reads stored cells (columns laid out by <c>TableLayout</c>) back as typed values: whole rows an update carries over,
/// and the cells a predicate compares. Scalars other than strings are read without allocating.
/// </summary>
internal static class CellReader
{
    /// <summary>The value at <paramref name="row"/> of a property column of type <paramref name="type"/>.</summary>
    public static FieldValue Read(ArrowColumn column, int row, PropertyType type)
    {
        if (column.IsNull(row))
        {
            return FieldValue.Null;
        }

        switch (type.Kind)
        {
            case PropertyTypeKind.Enum:
                return FieldValue.Of(QueryValue.FromString(((Utf8Column)column).GetString(row)));
            case PropertyTypeKind.List:
                var items = ((ListColumn)column).GetValues(row);
                var values = new QueryValue[items.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = ReadScalar(items, i, type.Scalar);
                }

                return FieldValue.Of(QueryValue.FromList(ImmutableCollectionsMarshal.AsImmutableArray(values)));
            case PropertyTypeKind.Vector:
                return FieldValue.Of(QueryValue.FromVector(((FixedSizeListColumn)column).GetVector(row)));
            default:
                return type.Scalar == ScalarKind.Blob
                    ? FieldValue.OfBlob(((BinaryColumn)column).GetBytes(row).ToArray())
                    : FieldValue.Of(ReadScalar(column, row, type.Scalar));
        }
    }

    /// <summary>
    /// The non-null scalar at <paramref name="row"/> of a column of scalar kind <paramref name="kind"/> (strings and
    /// enum values allocate; every other kind is read in place). Blob cells are not readable as query values.
    /// </summary>
    public static QueryValue ReadScalar(ArrowColumn column, int row, ScalarKind kind) => kind switch
    {
        ScalarKind.String => QueryValue.FromString(((Utf8Column)column).GetString(row)),
        ScalarKind.Bool => QueryValue.FromBool(((BooleanColumn)column).GetValue(row)),
        ScalarKind.I32 => QueryValue.FromInt32(((PrimitiveColumn<int>)column).GetValue(row)),
        ScalarKind.I64 => QueryValue.FromInt64(((PrimitiveColumn<long>)column).GetValue(row)),
        ScalarKind.U32 => QueryValue.FromUInt32(((PrimitiveColumn<uint>)column).GetValue(row)),
        ScalarKind.U64 => QueryValue.FromUInt64(((PrimitiveColumn<ulong>)column).GetValue(row)),
        ScalarKind.F32 => QueryValue.FromFloat32(((PrimitiveColumn<float>)column).GetValue(row)),
        ScalarKind.F64 => QueryValue.FromFloat64(((PrimitiveColumn<double>)column).GetValue(row)),
        ScalarKind.Date => QueryValue.FromDate(((PrimitiveColumn<int>)column).GetValue(row)),
        ScalarKind.DateTime => QueryValue.FromDateTime(((PrimitiveColumn<long>)column).GetValue(row)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Blob cells are not query values"),
    };
}
