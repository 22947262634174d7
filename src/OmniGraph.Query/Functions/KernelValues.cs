using OmniGraph.Arrow;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Query.Functions;

/// <summary>Constants as kernel columns and kernel results as constants: how a call of constants runs on the same kernel as a call over rows.</summary>
internal static class KernelValues
{
    /// <summary>A column holding <paramref name="value"/> once (a null value gives a null slot).</summary>
    public static ArrowColumn ToColumn(QueryValue value, PropertyType type)
    {
        var scalar = type.Kind == PropertyTypeKind.Enum ? ScalarKind.String : type.Kind == PropertyTypeKind.Scalar ? type.Scalar
            : throw new InvalidOperationException($"{type.DisplayName} values are not kernel arguments");
        ArrowColumnBuilder builder = scalar switch
        {
            ScalarKind.String => new Utf8ColumnBuilder(),
            ScalarKind.Bool => new BooleanColumnBuilder(),
            ScalarKind.I32 => new PrimitiveColumnBuilder<int>(ArrowType.Int32),
            ScalarKind.I64 => new PrimitiveColumnBuilder<long>(ArrowType.Int64),
            ScalarKind.U32 => new PrimitiveColumnBuilder<uint>(ArrowType.UInt32),
            ScalarKind.U64 => new PrimitiveColumnBuilder<ulong>(ArrowType.UInt64),
            ScalarKind.F32 => new PrimitiveColumnBuilder<float>(ArrowType.Float32),
            ScalarKind.F64 => new PrimitiveColumnBuilder<double>(ArrowType.Float64),
            ScalarKind.Date => new PrimitiveColumnBuilder<int>(ArrowType.Date32),
            ScalarKind.DateTime => new PrimitiveColumnBuilder<long>(ArrowType.TimestampMillisecondUtc),
            _ => throw new InvalidOperationException($"{type.DisplayName} values are not kernel arguments"),
        };
        if (value.IsNull)
        {
            builder.AppendNull();
            return builder.Build();
        }

        switch (builder)
        {
            case Utf8ColumnBuilder strings:
                strings.Append(value.AsString());
                break;
            case BooleanColumnBuilder booleans:
                booleans.Append(value.AsBool());
                break;
            case PrimitiveColumnBuilder<int> ints:
                ints.Append(scalar == ScalarKind.Date ? value.AsDate() : (int)value.AsInteger());
                break;
            case PrimitiveColumnBuilder<long> longs:
                longs.Append(scalar == ScalarKind.DateTime ? value.AsDateTime() : (long)value.AsInteger());
                break;
            case PrimitiveColumnBuilder<uint> uints:
                uints.Append((uint)value.AsInteger());
                break;
            case PrimitiveColumnBuilder<ulong> ulongs:
                ulongs.Append((ulong)value.AsInteger());
                break;
            case PrimitiveColumnBuilder<float> floats:
                floats.Append((float)value.AsDouble());
                break;
            case PrimitiveColumnBuilder<double> doubles:
                doubles.Append(value.AsDouble());
                break;
        }

        return builder.Build();
    }

    /// <summary>The value at <paramref name="index"/> of a kernel result of <paramref name="type"/>.</summary>
    public static QueryValue Read(ArrowColumn column, int index, PropertyType type)
    {
        if (column.IsNull(index))
        {
            return QueryValue.Null;
        }

        return column switch
        {
            Utf8Column strings => QueryValue.FromString(strings.GetString(index)),
            BooleanColumn booleans => QueryValue.FromBool(booleans.GetValue(index)),
            PrimitiveColumn<int> ints => type.Scalar == ScalarKind.Date ? QueryValue.FromDate(ints.GetValue(index)) : QueryValue.FromInt32(ints.GetValue(index)),
            PrimitiveColumn<long> longs => type.Scalar == ScalarKind.DateTime ? QueryValue.FromDateTime(longs.GetValue(index)) : QueryValue.FromInt64(longs.GetValue(index)),
            PrimitiveColumn<uint> uints => QueryValue.FromUInt32(uints.GetValue(index)),
            PrimitiveColumn<ulong> ulongs => QueryValue.FromUInt64(ulongs.GetValue(index)),
            PrimitiveColumn<float> floats => QueryValue.FromFloat32(floats.GetValue(index)),
            PrimitiveColumn<double> doubles => QueryValue.FromFloat64(doubles.GetValue(index)),
            _ => throw new InvalidOperationException($"a {column.Type} kernel result is not a scalar"),
        };
    }

    /// <summary><paramref name="length"/> null slots of <paramref name="type"/>.</summary>
    public static ArrowColumn Nulls(ArrowType type, int length)
    {
        var builder = ArrowColumnBuilder.Create(type);
        builder.AppendNulls(length);
        return builder.Build();
    }
}
