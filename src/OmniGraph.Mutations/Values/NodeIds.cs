using System.Globalization;
using System.Text;
using OmniGraph.Ingest;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Mutations.Values;

/// <summary>
/// The id of a keyed node from its key values, in the canonical text the loader uses (<see cref="CanonicalKeys"/>):
/// a single key member's text (strings as is, integers in decimal, Date as its epoch day, DateTime as its epoch
/// millisecond, floats in shortest round-trip form), or for a composite key a JSON array of the members' texts ordered
/// by stable property id (<c>["acme","42"]</c>). Tests check the two renderings agree.
/// </summary>
internal static class NodeIds
{
    /// <summary>The id of a row of <paramref name="type"/> (which has a <c>@key</c>) whose values are <paramref name="row"/> (one per property).</summary>
    /// <exception cref="InvalidOperationException">A key member is null (the type checker requires every key member).</exception>
    public static string Of(NodeType type, ReadOnlySpan<FieldValue> row)
    {
        var members = type.KeyProperties;
        if (members.Length == 1)
        {
            return TextOf(row[members[0].Ordinal].Value, members[0]);
        }

        var builder = new StringBuilder("[");
        for (var i = 0; i < members.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            AppendJsonString(builder, TextOf(row[members[i].Ordinal].Value, members[i]));
        }

        return builder.Append(']').ToString();
    }

    /// <summary>
    /// The id of the node whose single key member <paramref name="keyProperty"/> equals <paramref name="value"/>, or
    /// <c>false</c> when the value cannot equal any key of that kind (it does not convert exactly).
    /// </summary>
    public static bool TryOfKeyValue(Property keyProperty, QueryValue value, out string id)
    {
        id = string.Empty;
        var kind = keyProperty.Type.IsEnum ? ScalarKind.String : keyProperty.Type.Scalar;
        if (keyProperty.Type.Kind is PropertyTypeKind.List or PropertyTypeKind.Vector || kind == ScalarKind.Blob
            || !ValueAssignment.TryConvertScalar(value, kind, out var converted))
        {
            return false;
        }

        if (kind.IsFloat() && !double.IsFinite(converted.AsDouble()))
        {
            return false;
        }

        id = TextOf(converted, keyProperty);
        return true;
    }

    private static string TextOf(QueryValue value, Property member) => value.Kind switch
    {
        QueryValueKind.String => value.AsString(),
        QueryValueKind.Bool => value.AsBool() ? "true" : "false",
        QueryValueKind.I32 or QueryValueKind.I64 or QueryValueKind.U32 or QueryValueKind.U64 => value.AsInteger().ToString(CultureInfo.InvariantCulture),
        QueryValueKind.F32 => CanonicalKeys.FormatFloat32(value.AsFloat32()),
        QueryValueKind.F64 => CanonicalKeys.FormatFloat64(value.AsFloat64()),
        QueryValueKind.Date => value.AsDate().ToString(CultureInfo.InvariantCulture),
        QueryValueKind.DateTime => value.AsDateTime().ToString(CultureInfo.InvariantCulture),
        QueryValueKind.Null => throw new InvalidOperationException($"key property {member.QualifiedName} is null"),
        _ => throw new InvalidOperationException($"key property {member.QualifiedName} holds a {value.Kind}, which has no canonical key text"),
    };

    /// <summary>A JSON string literal escaped as the reference implementation does: <c>"</c>, <c>\</c> and control characters only.</summary>
    private static void AppendJsonString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': builder.Append("\\u00").Append("0123456789abcdef"[c >> 4]).Append("0123456789abcdef"[c & 0xF]); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }
}
