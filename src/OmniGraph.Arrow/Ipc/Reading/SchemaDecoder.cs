using OmniGraph.Arrow.Internal;
using OmniGraph.Arrow.Ipc.FlatBuffers;
using static OmniGraph.Arrow.Ipc.Format.ArrowFormat;

namespace OmniGraph.Arrow.Ipc.Reading;

/// <summary>Decodes the Schema FlatBuffers table into an <see cref="ArrowSchema"/>, rejecting what we do not support.</summary>
internal static class SchemaDecoder
{
    public static ArrowSchema Decode(FlatTable schema, int maxNestingDepth)
    {
        if (schema.GetInt16(SchemaSlots.Endianness, EndiannessLittle) != EndiannessLittle)
        {
            ThrowHelper.ThrowUnsupported("Big-endian Arrow data is not supported.");
        }

        ArrowField[] fields = [];
        if (schema.TryGetVector(SchemaSlots.Fields, sizeof(uint), out var fieldVector))
        {
            fields = new ArrowField[fieldVector.Count];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = DecodeField(fieldVector.GetTable(i, "Field"), depth: 0, maxNestingDepth);
            }
        }

        return new ArrowSchema(fields, DecodeMetadata(schema, SchemaSlots.CustomMetadata));
    }

    /// <summary>Reads a <c>[KeyValue]</c> field; absent keys or values read as empty strings.</summary>
    public static ArrowMetadata DecodeMetadata(FlatTable table, int slot)
    {
        if (!table.TryGetVector(slot, sizeof(uint), out var vector) || vector.Count == 0)
        {
            return ArrowMetadata.Empty;
        }

        var entries = new KeyValuePair<string, string>[vector.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = vector.GetTable(i, "KeyValue");
            entries[i] = new KeyValuePair<string, string>(entry.GetString(KeyValueSlots.Key) ?? string.Empty, entry.GetString(KeyValueSlots.Value) ?? string.Empty);
        }

        return ArrowMetadata.FromTrustedArray(entries);
    }

    private static ArrowField DecodeField(FlatTable field, int depth, int maxNestingDepth)
    {
        var name = field.GetString(FieldSlots.Name) ?? string.Empty;
        var nullable = field.GetBool(FieldSlots.Nullable, false);
        if (field.HasField(FieldSlots.Dictionary))
        {
            ThrowHelper.ThrowUnsupported($"Field '{name}' is dictionary-encoded; dictionary encoding is not supported.");
        }

        var childCount = 0;
        FlatVector children = default;
        if (field.TryGetVector(FieldSlots.Children, sizeof(uint), out children))
        {
            childCount = children.Count;
        }

        var typeId = field.GetByte(FieldSlots.TypeType, TypeIds.None);
        if (!field.TryGetTable(FieldSlots.Type, "Type", out var typeTable))
        {
            ThrowHelper.ThrowInvalidFile($"Field '{name}' has no type table.");
        }

        ArrowType type;
        if (typeId is TypeIds.List or TypeIds.FixedSizeList)
        {
            if (childCount != 1)
            {
                ThrowHelper.ThrowInvalidFile($"List field '{name}' has {childCount} children instead of 1.");
            }

            if (depth + 1 > maxNestingDepth)
            {
                ThrowHelper.ThrowUnsupported($"Field '{name}' nests lists deeper than {maxNestingDepth} levels.");
            }

            var valueField = DecodeField(children.GetTable(0, "Field"), depth + 1, maxNestingDepth);
            if (typeId == TypeIds.List)
            {
                type = ArrowType.List(valueField);
            }
            else
            {
                var listSize = typeTable.GetInt32(FixedSizeListSlots.ListSize, 0);
                if (listSize < 1)
                {
                    ThrowHelper.ThrowUnsupported($"Field '{name}' is a fixed-size list of size {listSize}; sizes from 1 are supported.");
                }

                type = ArrowType.FixedSizeList(valueField, listSize);
            }
        }
        else
        {
            if (childCount != 0)
            {
                ThrowHelper.ThrowInvalidFile($"Field '{name}' of a scalar type has {childCount} children.");
            }

            type = DecodeScalarType(typeId, typeTable, name);
        }

        return new ArrowField(name, type, nullable, DecodeMetadata(field, FieldSlots.CustomMetadata));
    }

    private static ArrowType DecodeScalarType(byte typeId, FlatTable type, string fieldName)
    {
        switch (typeId)
        {
            case TypeIds.Int:
                var bitWidth = type.GetInt32(IntSlots.BitWidth, 0);
                var signed = type.GetBool(IntSlots.IsSigned, false);
                return (bitWidth, signed) switch
                {
                    (32, true) => ArrowType.Int32,
                    (64, true) => ArrowType.Int64,
                    (32, false) => ArrowType.UInt32,
                    (64, false) => ArrowType.UInt64,
                    _ => Unsupported($"{(signed ? "signed" : "unsigned")} {bitWidth}-bit integers", fieldName),
                };
            case TypeIds.FloatingPoint:
                return type.GetInt16(FloatingPointSlots.Precision, PrecisionHalf) switch
                {
                    PrecisionSingle => ArrowType.Float32,
                    PrecisionDouble => ArrowType.Float64,
                    var precision => Unsupported($"floating point precision {precision}", fieldName),
                };
            case TypeIds.Utf8:
                return ArrowType.Utf8;
            case TypeIds.Binary:
                return ArrowType.Binary;
            case TypeIds.Bool:
                return ArrowType.Boolean;
            case TypeIds.Date:
                return type.GetInt16(DateSlots.Unit, DateUnitMillisecond) == DateUnitDay
                    ? ArrowType.Date32
                    : Unsupported("Date64 (milliseconds)", fieldName);
            case TypeIds.Timestamp:
                var unit = type.GetInt16(TimestampSlots.Unit, (short)ArrowTimeUnit.Second);
                if (unit is < 0 or > (short)ArrowTimeUnit.Nanosecond)
                {
                    ThrowHelper.ThrowInvalidFile($"Field '{fieldName}' has timestamp unit {unit}.");
                }

                return ArrowType.Timestamp((ArrowTimeUnit)unit, type.GetString(TimestampSlots.Timezone));
            case TypeIds.None:
                return ThrowHelper.ThrowInvalidFile<ArrowType>($"Field '{fieldName}' has no type.");
            case TypeIds.Null:
            case TypeIds.Decimal:
            case TypeIds.Time:
            case TypeIds.Interval:
            case TypeIds.Struct:
            case TypeIds.Union:
            case TypeIds.FixedSizeBinary:
            case TypeIds.Map:
            case TypeIds.Duration:
            case TypeIds.LargeBinary:
            case TypeIds.LargeUtf8:
            case TypeIds.LargeList:
            case TypeIds.RunEndEncoded:
            case TypeIds.BinaryView:
            case TypeIds.Utf8View:
            case TypeIds.ListView:
            case TypeIds.LargeListView:
                return Unsupported($"Arrow type id {typeId}", fieldName);
            default:
                return Unsupported($"unknown Arrow type id {typeId}", fieldName);
        }
    }

    private static ArrowType Unsupported(string what, string fieldName) =>
        ThrowHelper.ThrowUnsupported<ArrowType>($"Field '{fieldName}' uses {what}, which is not supported.");
}
