using OmniGraph.Arrow;
using OmniGraph.Ingest;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Execution.Results;

/// <summary>A column repeating one value (a projected parameter, literal or <c>now()</c>), typed as the value's declared type.</summary>
internal static class ConstantColumn
{
    public static ArrowColumn Create(PropertyType type, QueryValue value, int length)
    {
        var builder = ArrowColumnBuilder.Create(TableLayout.ArrowTypeOf(type));
        if (value.IsNull)
        {
            builder.AppendNulls(length);
            return builder.Build();
        }

        for (var i = 0; i < length; i++)
        {
            Append(builder, type, value);
        }

        return builder.Build();
    }

    /// <summary>Appends one non-null value of <paramref name="type"/> (scalars, lists, vectors).</summary>
    private static void Append(ArrowColumnBuilder builder, PropertyType type, QueryValue value)
    {
        switch (type.Kind)
        {
            case PropertyTypeKind.List:
                var list = (ListColumnBuilder)builder;
                list.StartList();
                foreach (var item in value.AsList())
                {
                    AppendScalar(list.Values, type.Scalar, item);
                }

                break;
            case PropertyTypeKind.Vector:
                var vector = (FixedSizeListColumnBuilder)builder;
                vector.StartList();
                vector.GetValueBuilder<PrimitiveColumnBuilder<float>>().AppendRange(value.AsVector());
                break;
            default:
                AppendScalar(builder, type.Kind == PropertyTypeKind.Enum ? ScalarKind.String : type.Scalar, value);
                break;
        }
    }

    private static void AppendScalar(ArrowColumnBuilder builder, ScalarKind kind, QueryValue value)
    {
        switch (kind)
        {
            case ScalarKind.String or ScalarKind.Blob when builder is Utf8ColumnBuilder strings:
                strings.Append(value.AsString());
                break;
            case ScalarKind.Bool:
                ((BooleanColumnBuilder)builder).Append(value.AsBool());
                break;
            case ScalarKind.I32:
                ((PrimitiveColumnBuilder<int>)builder).Append((int)value.AsInteger());
                break;
            case ScalarKind.I64:
                ((PrimitiveColumnBuilder<long>)builder).Append((long)value.AsInteger());
                break;
            case ScalarKind.U32:
                ((PrimitiveColumnBuilder<uint>)builder).Append((uint)value.AsInteger());
                break;
            case ScalarKind.U64:
                ((PrimitiveColumnBuilder<ulong>)builder).Append((ulong)value.AsInteger());
                break;
            case ScalarKind.F32:
                ((PrimitiveColumnBuilder<float>)builder).Append(value.Kind.IsInteger() ? (float)value.AsInteger() : (float)value.AsDouble());
                break;
            case ScalarKind.F64:
                ((PrimitiveColumnBuilder<double>)builder).Append(value.Kind.IsInteger() ? (double)value.AsInteger() : value.AsDouble());
                break;
            case ScalarKind.Date:
                ((PrimitiveColumnBuilder<int>)builder).Append(value.AsDate());
                break;
            case ScalarKind.DateTime:
                ((PrimitiveColumnBuilder<long>)builder).Append(value.AsDateTime());
                break;
            default:
                throw new InvalidOperationException($"{kind} values cannot be projected");
        }
    }
}
