using OmniGraph.Arrow.Ipc.FlatBuffers;
using static OmniGraph.Arrow.Ipc.Format.ArrowFormat;

namespace OmniGraph.Arrow.Ipc.Writing;

/// <summary>Encodes an <see cref="ArrowSchema"/> (fields, types, metadata) as the Schema FlatBuffers table.</summary>
internal static class SchemaEncoder
{
    /// <summary>Writes the Schema table and returns its reference.</summary>
    public static int WriteSchema(FlatBufferBuilder builder, ArrowSchema schema)
    {
        var fieldReferences = new int[schema.FieldCount];
        for (var i = 0; i < fieldReferences.Length; i++)
        {
            fieldReferences[i] = WriteField(builder, schema.Fields[i]);
        }

        var fields = builder.CreateOffsetVector(fieldReferences);
        var metadata = WriteMetadata(builder, schema.Metadata);
        builder.StartTable(SchemaSlots.Count);
        builder.AddInt16(SchemaSlots.Endianness, EndiannessLittle);
        builder.AddOffset(SchemaSlots.Fields, fields);
        builder.AddOptionalOffset(SchemaSlots.CustomMetadata, metadata);
        return builder.EndTable();
    }

    /// <summary>Writes a vector of KeyValue tables; returns 0 (nothing written) for empty metadata.</summary>
    public static int WriteMetadata(FlatBufferBuilder builder, IReadOnlyList<KeyValuePair<string, string>> metadata) =>
        WriteMetadata(builder, metadata, out _, placeholderKey: null);

    /// <summary>
    /// Writes a vector of KeyValue tables. When <paramref name="placeholderKey"/> is given, also reports the reference
    /// of that entry's value string so the caller can patch it after <see cref="FlatBufferBuilder.Finish"/>.
    /// </summary>
    public static int WriteMetadata(FlatBufferBuilder builder, IReadOnlyList<KeyValuePair<string, string>> metadata, out int placeholderValue, string? placeholderKey)
    {
        placeholderValue = 0;
        if (metadata.Count == 0)
        {
            return 0;
        }

        var entries = new int[metadata.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var key = builder.CreateString(metadata[i].Key);
            var value = builder.CreateString(metadata[i].Value);
            if (placeholderKey is not null && metadata[i].Key == placeholderKey)
            {
                placeholderValue = value;
            }

            builder.StartTable(KeyValueSlots.Count);
            builder.AddOffset(KeyValueSlots.Key, key);
            builder.AddOffset(KeyValueSlots.Value, value);
            entries[i] = builder.EndTable();
        }

        return builder.CreateOffsetVector(entries);
    }

    private static int WriteField(FlatBufferBuilder builder, ArrowField field)
    {
        var name = builder.CreateString(field.Name);
        var (typeId, type) = WriteType(builder, field.Type);
        int[] childReferences = field.Type.ValueField is { } valueField ? [WriteField(builder, valueField)] : [];
        var children = builder.CreateOffsetVector(childReferences);
        var metadata = WriteMetadata(builder, field.Metadata);

        builder.StartTable(FieldSlots.Count);
        builder.AddOffset(FieldSlots.Name, name);
        builder.AddBool(FieldSlots.Nullable, field.IsNullable);
        builder.AddByte(FieldSlots.TypeType, typeId);
        builder.AddOffset(FieldSlots.Type, type);
        builder.AddOffset(FieldSlots.Children, children);
        builder.AddOptionalOffset(FieldSlots.CustomMetadata, metadata);
        return builder.EndTable();
    }

    private static (byte TypeId, int Table) WriteType(FlatBufferBuilder builder, ArrowType type)
    {
        switch (type.Id)
        {
            case ArrowTypeId.Int32:
                return (TypeIds.Int, WriteInt(builder, 32, signed: true));
            case ArrowTypeId.Int64:
                return (TypeIds.Int, WriteInt(builder, 64, signed: true));
            case ArrowTypeId.UInt32:
                return (TypeIds.Int, WriteInt(builder, 32, signed: false));
            case ArrowTypeId.UInt64:
                return (TypeIds.Int, WriteInt(builder, 64, signed: false));
            case ArrowTypeId.Float32:
                return (TypeIds.FloatingPoint, WriteFloatingPoint(builder, PrecisionSingle));
            case ArrowTypeId.Float64:
                return (TypeIds.FloatingPoint, WriteFloatingPoint(builder, PrecisionDouble));
            case ArrowTypeId.Utf8:
                return (TypeIds.Utf8, WriteEmptyTable(builder));
            case ArrowTypeId.Binary:
                return (TypeIds.Binary, WriteEmptyTable(builder));
            case ArrowTypeId.Boolean:
                return (TypeIds.Bool, WriteEmptyTable(builder));
            case ArrowTypeId.List:
                return (TypeIds.List, WriteEmptyTable(builder));
            case ArrowTypeId.Date32:
                builder.StartTable(DateSlots.Count);
                builder.AddInt16(DateSlots.Unit, DateUnitDay);
                return (TypeIds.Date, builder.EndTable());
            case ArrowTypeId.Timestamp:
                var timeZone = type.TimeZone is null ? 0 : builder.CreateString(type.TimeZone);
                builder.StartTable(TimestampSlots.Count);
                builder.AddInt16(TimestampSlots.Unit, (short)type.TimeUnit);
                builder.AddOptionalOffset(TimestampSlots.Timezone, timeZone);
                return (TypeIds.Timestamp, builder.EndTable());
            case ArrowTypeId.FixedSizeList:
                builder.StartTable(FixedSizeListSlots.Count);
                builder.AddInt32(FixedSizeListSlots.ListSize, type.ListSize);
                return (TypeIds.FixedSizeList, builder.EndTable());
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown type.");
        }
    }

    private static int WriteInt(FlatBufferBuilder builder, int bitWidth, bool signed)
    {
        builder.StartTable(IntSlots.Count);
        builder.AddInt32(IntSlots.BitWidth, bitWidth);
        builder.AddBool(IntSlots.IsSigned, signed);
        return builder.EndTable();
    }

    private static int WriteFloatingPoint(FlatBufferBuilder builder, short precision)
    {
        builder.StartTable(FloatingPointSlots.Count);
        builder.AddInt16(FloatingPointSlots.Precision, precision);
        return builder.EndTable();
    }

    private static int WriteEmptyTable(FlatBufferBuilder builder)
    {
        builder.StartTable(0);
        return builder.EndTable();
    }
}
