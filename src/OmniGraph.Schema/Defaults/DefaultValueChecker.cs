using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OmniGraph.Schema.Syntax;

namespace OmniGraph.Schema;

/// <summary>
/// Type-checks a written <c>@default(…)</c> value against its property's type and turns it into the canonical JSON value
/// of <see cref="PropertyDefault"/>. Every refusal is <c>schema_invalid_default</c> at the value's position.
/// </summary>
internal static class DefaultValueChecker
{
    private static readonly string[] s_dateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>The checked default of <paramref name="target"/> (<c>Owner.property</c>), whose type is <paramref name="type"/>.</summary>
    public static PropertyDefault Check(DefaultValueSyntax value, PropertyType type, string target)
    {
        if (type.IsVector || type.IsBlob)
        {
            Fail(value.Position, $"@default is not supported on {(type.IsVector ? "vector" : "blob")} property {target}");
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (type.IsList)
            {
                if (value.Kind != DefaultValueKind.List)
                {
                    Mismatch(value, type, target);
                }

                writer.WriteStartArray();
                foreach (var item in value.Items)
                {
                    WriteScalar(writer, item, type.Scalar, null, type, target);
                }

                writer.WriteEndArray();
            }
            else
            {
                WriteScalar(writer, value, type.Scalar, type.IsEnum ? type : null, type, target);
            }
        }

        return new PropertyDefault(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static void WriteScalar(Utf8JsonWriter writer, DefaultValueSyntax value, ScalarKind kind, PropertyType? enumType, PropertyType type, string target)
    {
        if (enumType is not null)
        {
            if (value.Kind is not (DefaultValueKind.String or DefaultValueKind.Identifier))
            {
                Mismatch(value, type, target);
            }

            if (!enumType.IsEnumValue(value.Text))
            {
                Fail(value.Position, $"@default on {target}: '{value.Text}' is not a value of {type.DisplayName}");
            }

            writer.WriteStringValue(value.Text);
            return;
        }

        switch (kind)
        {
            case ScalarKind.String:
                Expect(value, DefaultValueKind.String, type, target);
                writer.WriteStringValue(value.Text);
                return;
            case ScalarKind.Bool:
                Expect(value, DefaultValueKind.Bool, type, target);
                writer.WriteBooleanValue(value.Text == "true");
                return;
            case ScalarKind.I32 or ScalarKind.I64 or ScalarKind.U32 or ScalarKind.U64:
                Expect(value, DefaultValueKind.Integer, type, target);
                var integer = Int128.Parse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                var (min, max) = kind switch
                {
                    ScalarKind.I32 => ((Int128)int.MinValue, (Int128)int.MaxValue),
                    ScalarKind.I64 => (long.MinValue, long.MaxValue),
                    ScalarKind.U32 => (0, uint.MaxValue),
                    _ => ((Int128)0, (Int128)ulong.MaxValue),
                };
                if (integer < min || integer > max)
                {
                    Fail(value.Position, $"@default on {target}: {value.Text} is out of range for {kind.GetName()}");
                }

                writer.WriteRawValue(integer.ToString(CultureInfo.InvariantCulture));
                return;
            case ScalarKind.F32 or ScalarKind.F64:
                if (value.Kind is not (DefaultValueKind.Integer or DefaultValueKind.Float))
                {
                    Mismatch(value, type, target);
                }

                var number = double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (!double.IsFinite(number) || (kind == ScalarKind.F32 && !float.IsFinite((float)number)))
                {
                    Fail(value.Position, $"@default on {target}: {value.Text} is out of range for {kind.GetName()}");
                }

                writer.WriteRawValue(PlainNumber(number));
                return;
            case ScalarKind.Date:
                Expect(value, DefaultValueKind.String, type, target);
                if (!DateOnly.TryParseExact(value.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    Fail(value.Position, $"@default on {target}: invalid Date literal '{value.Text}' (expected YYYY-MM-DD)");
                }

                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return;
            default:
                Expect(value, DefaultValueKind.String, type, target);
                if (!TryParseDateTime(value.Text, out var instant))
                {
                    Fail(value.Position, $"@default on {target}: invalid DateTime literal '{value.Text}' (expected RFC 3339, e.g. 2024-06-01T12:00:00Z)");
                }

                writer.WriteStringValue(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                return;
        }
    }

    /// <summary>RFC 3339 with an explicit zone (<c>Z</c> or <c>±HH:MM</c>), as the load format reads it.</summary>
    private static bool TryParseDateTime(string text, out DateTimeOffset instant)
    {
        instant = default;
        if (text.Length < 20 || text[10] is not ('T' or 't' or ' '))
        {
            return false;
        }

        var zoned = text[^1] is 'Z' or 'z' || (text.Length >= 25 && text[^6] is '+' or '-' && text[^3] == ':');
        var normalized = string.Concat(text.AsSpan(0, 10), "T", text.AsSpan(11)).Replace('z', 'Z');
        return zoned && DateTimeOffset.TryParseExact(normalized, s_dateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    /// <summary>
    /// The shortest round-trip spelling without an exponent: the <c>.pg</c> lexer reads no exponents, and the value must
    /// print back as source that parses to the same default.
    /// </summary>
    internal static string PlainNumber(double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = text[..e];
        var negative = mantissa.StartsWith('-');
        var digits = mantissa.TrimStart('-').Replace(".", string.Empty, StringComparison.Ordinal);
        var point = 1 + exponent;
        var plain = point <= 0
            ? "0." + new string('0', -point) + digits
            : point >= digits.Length ? digits + new string('0', point - digits.Length) : digits[..point] + "." + digits[point..];
        return negative ? "-" + plain : plain;
    }

    private static void Expect(DefaultValueSyntax value, DefaultValueKind kind, PropertyType type, string target)
    {
        if (value.Kind != kind)
        {
            Mismatch(value, type, target);
        }
    }

    [DoesNotReturn]
    private static void Mismatch(DefaultValueSyntax value, PropertyType type, string target)
    {
        var found = value.Kind switch
        {
            DefaultValueKind.String => $"string {PgText.Quote(value.Text)}",
            DefaultValueKind.Integer => $"integer {value.Text}",
            DefaultValueKind.Float => $"number {value.Text}",
            DefaultValueKind.Bool => value.Text,
            DefaultValueKind.Identifier => $"identifier {value.Text}",
            _ => "a list",
        };
        var expected = type.IsList ? $"a list of {type.Scalar.GetName()}" : type.IsEnum ? "one of its values" : $"a {type.Scalar.GetName()} value";
        Fail(value.Position, $"@default on {target} ({type.DisplayName}) expects {expected}, found {found}");
    }

    [DoesNotReturn]
    private static void Fail(SourcePosition position, string reason) => SchemaThrow.Catalog(ErrorCodes.SchemaInvalidDefault, position, reason);
}
