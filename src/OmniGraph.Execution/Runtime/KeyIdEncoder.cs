using System.Buffers;
using System.Text;
using OmniGraph.Arrow;
using OmniGraph.Ingest;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Execution.Runtime;

/// <summary>
/// The node id a keyed node has for given key member values: the canonical key text the loader gives it (the single
/// member's text, or a JSON array of the members' texts). A value the member's type cannot hold exactly (2.7 for an
/// I32 key, a double that is no F32) has no id: no node can match.
/// </summary>
internal static class KeyIdEncoder
{
    /// <summary>The id, or <c>null</c> when no node can have these key values.</summary>
    public static string? TryEncode(NodeType type, ReadOnlySpan<QueryValue> values)
    {
        var members = type.KeyProperties;
        var texts = new string[members.Length];
        var writer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < members.Length; i++)
        {
            if (StorageColumn(members[i].Type, values[i]) is not { } column)
            {
                return null;
            }

            writer.ResetWrittenCount();
            if (!CanonicalKeys.TryWriteValue(column, 0, members[i].Type, writer))
            {
                return null;
            }

            texts[i] = Encoding.UTF8.GetString(writer.WrittenSpan);
        }

        if (texts.Length == 1)
        {
            return texts[0];
        }

        var json = new StringBuilder("[");
        for (var i = 0; i < texts.Length; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            AppendJsonString(json, texts[i]);
        }

        return json.Append(']').ToString();
    }

    /// <summary>A one-value column of the member's storage type holding <paramref name="value"/> exactly, or <c>null</c>.</summary>
    private static ArrowColumn? StorageColumn(PropertyType type, QueryValue value)
    {
        if (value.IsNull)
        {
            return null;
        }

        var scalar = type.Kind == PropertyTypeKind.Enum ? ScalarKind.String : type.Scalar;
        switch (scalar)
        {
            case ScalarKind.String when value.Kind == QueryValueKind.String:
                var strings = new Utf8ColumnBuilder();
                strings.Append(value.AsString());
                return strings.Build();
            case ScalarKind.Bool when value.Kind == QueryValueKind.Bool:
                var booleans = new BooleanColumnBuilder();
                booleans.Append(value.AsBool());
                return booleans.Build();
            case ScalarKind.Date when value.Kind == QueryValueKind.Date:
                return Single(ArrowType.Date32, value.AsDate());
            case ScalarKind.DateTime when value.Kind == QueryValueKind.DateTime:
                return Single(ArrowType.TimestampMillisecondUtc, value.AsDateTime());
            case ScalarKind.I32 or ScalarKind.I64 or ScalarKind.U32 or ScalarKind.U64 when value.IsNumeric:
                if (!TryExactInteger(value, out var integer))
                {
                    return null;
                }

                var (min, max) = scalar.GetIntegerRange();
                if (integer < min || integer > max)
                {
                    return null;
                }

                return scalar switch
                {
                    ScalarKind.I32 => Single(ArrowType.Int32, (int)integer),
                    ScalarKind.I64 => Single(ArrowType.Int64, (long)integer),
                    ScalarKind.U32 => Single(ArrowType.UInt32, (uint)integer),
                    _ => Single(ArrowType.UInt64, (ulong)integer),
                };
            case ScalarKind.F32 when value.IsNumeric:
                var single = value.Kind.IsInteger() ? (float)value.AsInteger() : (float)value.AsDouble();
                return QueryValueComparer.AreEqual(QueryValue.FromFloat32(single), value) && float.IsFinite(single) ? Single(ArrowType.Float32, single) : null;
            case ScalarKind.F64 when value.IsNumeric:
                var wide = value.Kind.IsInteger() ? (double)value.AsInteger() : value.AsDouble();
                return QueryValueComparer.AreEqual(QueryValue.FromFloat64(wide), value) && double.IsFinite(wide) ? Single(ArrowType.Float64, wide) : null;
            default:
                return null;
        }
    }

    private static bool TryExactInteger(QueryValue value, out Int128 integer)
    {
        if (value.Kind.IsInteger())
        {
            integer = value.AsInteger();
            return true;
        }

        return NumericOrder.TryGetExactInteger(value.AsDouble(), out integer);
    }

    private static PrimitiveColumn<T> Single<T>(ArrowType type, T value)
        where T : unmanaged
    {
        var builder = new PrimitiveColumnBuilder<T>(type);
        builder.Append(value);
        return builder.Build();
    }

    private static void AppendJsonString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case < ' ': json.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }

        json.Append('"');
    }
}
