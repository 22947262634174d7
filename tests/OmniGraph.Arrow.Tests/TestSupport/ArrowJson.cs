using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace OmniGraph.Arrow.Tests.TestSupport;

/// <summary>
/// Renders a schema and batches to the JSON shape printed by interop/read-arrow.mjs, and canonicalizes JSON so
/// both sides compare as text (numbers compared as doubles, object keys sorted).
/// </summary>
internal static class ArrowJson
{
    public static JsonObject Render(ArrowSchema schema, IReadOnlyList<RecordBatch> batches)
    {
        var columns = new JsonObject();
        for (var f = 0; f < schema.FieldCount; f++)
        {
            var values = new JsonArray();
            foreach (var batch in batches)
            {
                var column = batch.Column(f);
                for (var row = 0; row < column.Length; row++)
                {
                    values.Add(Value(column, row));
                }
            }

            columns[schema.Fields[f].Name] = values;
        }

        return new JsonObject
        {
            ["schema"] = new JsonObject
            {
                ["fields"] = new JsonArray([.. schema.Fields.Select(Field)]),
                ["metadata"] = Metadata(schema.Metadata),
            },
            ["batchRowCounts"] = new JsonArray([.. batches.Select(b => (JsonNode)JsonValue.Create(b.Length))]),
            ["columns"] = columns,
        };
    }

    /// <summary>A canonical text form: sorted object keys, numbers as round-trip doubles.</summary>
    public static string Canonical(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static JsonNode Field(ArrowField field) => new JsonObject
    {
        ["name"] = field.Name,
        ["nullable"] = field.IsNullable,
        ["type"] = Type(field.Type),
        ["metadata"] = Metadata(field.Metadata),
    };

    private static JsonArray Metadata(ArrowMetadata metadata) =>
        new([.. metadata.Select(e => (JsonNode)new JsonArray(e.Key, e.Value))]);

    private static JsonObject Type(ArrowType type)
    {
        var description = new JsonObject();
        switch (type.Id)
        {
            case ArrowTypeId.Int32 or ArrowTypeId.Int64 or ArrowTypeId.UInt32 or ArrowTypeId.UInt64:
                var signed = type.Id is ArrowTypeId.Int32 or ArrowTypeId.Int64;
                var bits = type.ByteWidth * 8;
                description["typeId"] = 2;
                description["name"] = $"{(signed ? "Int" : "Uint")}{bits}";
                description["bitWidth"] = bits;
                description["isSigned"] = signed;
                break;
            case ArrowTypeId.Float32 or ArrowTypeId.Float64:
                description["typeId"] = 3;
                description["name"] = type.Id == ArrowTypeId.Float32 ? "Float32" : "Float64";
                description["precision"] = type.Id == ArrowTypeId.Float32 ? 1 : 2;
                break;
            case ArrowTypeId.Binary:
                description["typeId"] = 4;
                description["name"] = "Binary";
                break;
            case ArrowTypeId.Utf8:
                description["typeId"] = 5;
                description["name"] = "Utf8";
                break;
            case ArrowTypeId.Boolean:
                description["typeId"] = 6;
                description["name"] = "Bool";
                break;
            case ArrowTypeId.Date32:
                description["typeId"] = 8;
                description["name"] = "Date32<DAY>";
                description["unit"] = 0;
                break;
            case ArrowTypeId.Timestamp:
                description["typeId"] = 10;
                description["name"] = $"Timestamp<{type.TimeUnit.ToString().ToUpperInvariant()}{(type.TimeZone is null ? string.Empty : ", " + type.TimeZone)}>";
                description["unit"] = (int)type.TimeUnit;
                description["timezone"] = type.TimeZone;
                break;
            case ArrowTypeId.List:
                description["typeId"] = 12;
                description["name"] = $"List<{JsName(type.ValueType)}>";
                description["children"] = new JsonArray(Field(type.ValueField!));
                break;
            case ArrowTypeId.FixedSizeList:
                description["typeId"] = 16;
                description["name"] = $"FixedSizeList[{type.ListSize}]<{JsName(type.ValueType)}>";
                description["listSize"] = type.ListSize;
                description["children"] = new JsonArray(Field(type.ValueField!));
                break;
            default:
                throw new InvalidOperationException($"No JSON type for {type}.");
        }

        return description;
    }

    private static string JsName(ArrowType type) => Type(type)["name"]!.GetValue<string>();

    private static JsonNode? Value(ArrowColumn column, int row)
    {
        if (column.IsNull(row))
        {
            return null;
        }

        return column switch
        {
            Utf8Column utf8 => utf8.GetString(row),
            BinaryColumn binary => Convert.ToHexStringLower(binary.GetBytes(row)),
            BooleanColumn booleans => booleans.GetValue(row),
            PrimitiveColumn<int> ints => ints.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<long> longs => longs.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<uint> uints => uints.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<ulong> ulongs => ulongs.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<float> floats => Number(floats.GetValue(row)),
            PrimitiveColumn<double> doubles => Number(doubles.GetValue(row)),
            ListColumn list => Items(list.GetValues(row)),
            FixedSizeListColumn fixedSizeList => Items(fixedSizeList.GetValues(row)),
            _ => throw new InvalidOperationException($"No JSON value for {column.Type}."),
        };
    }

    private static JsonArray Items(ArrowColumn values)
    {
        var items = new JsonArray();
        for (var i = 0; i < values.Length; i++)
        {
            items.Add(Value(values, i));
        }

        return items;
    }

    private static JsonNode Number(double value) =>
        double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");

    private static void Write(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? string.Empty : ",").Append('"').Append(key).Append("\":");
                    Write(builder, value);
                    first = false;
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ",");
                    Write(builder, array[i]);
                }

                builder.Append(']');
                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                builder.Append(double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                builder.Append(node.ToJsonString());
                break;
        }
    }
}
