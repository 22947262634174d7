using OmniGraph.Arrow;
using OmniGraph.Ingest;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Mutations.Values;

/// <summary>One value as a one-row Arrow column of a property's stored type (a probe for a table grain's unique index).</summary>
internal static class SingleValueColumn
{
    /// <summary>
    /// The column holding <paramref name="value"/> converted exactly to <paramref name="type"/>, or <c>null</c> when it
    /// does not convert (then no stored value can equal it). Scalars only.
    /// </summary>
    public static ArrowColumn? TryCreate(PropertyType type, QueryValue value)
    {
        if (type.Kind is PropertyTypeKind.List or PropertyTypeKind.Vector || (type.Kind == PropertyTypeKind.Scalar && type.Scalar == ScalarKind.Blob))
        {
            return null;
        }

        var kind = type.IsEnum ? ScalarKind.String : type.Scalar;
        if (!ValueAssignment.TryConvertScalar(value, kind, out var converted))
        {
            return null;
        }

        var builder = ArrowColumnBuilder.Create(TableLayout.ArrowTypeOf(type));
        RowBatchWriter.AppendScalar(builder, converted, kind);
        return builder.Build();
    }
}
