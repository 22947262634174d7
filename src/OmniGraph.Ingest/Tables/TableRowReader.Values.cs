using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using OmniGraph.Arrow;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

internal sealed partial class TableRowReader
{
    private const int ItemIsTopLevel = -1;

    private static readonly SearchValues<byte> s_base64Whitespace = SearchValues.Create(" \t\r\n"u8);

    private static ReadOnlySpan<byte> Base64Prefix => "base64:"u8;

    /// <summary>Converts the current value token into the column's builder (the reader is on the value).</summary>
    private void ReadValue(PropertyColumn column, ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            if (!column.IsNullable)
            {
                ThrowMissingRequired(column);
            }

            column.Builder.AppendNull();
            return;
        }

        switch (column.Shape)
        {
            case PropertyTypeKind.Scalar:
                AppendScalar(column, column.Scalar, column.Builder, ref reader, ItemIsTopLevel);
                break;
            case PropertyTypeKind.Enum:
                AppendEnum(column, ref reader);
                break;
            case PropertyTypeKind.List:
                AppendList(column, ref reader);
                break;
            default:
                AppendVector(column, ref reader);
                break;
        }
    }

    /// <summary>
    /// Converts one scalar (a property value when <paramref name="item"/> is -1, else list item <paramref name="item"/>)
    /// into <paramref name="builder"/>. Property values are also checked (<c>@range</c>, <c>@check</c>) and captured for
    /// keys and unique tuples.
    /// </summary>
    private void AppendScalar(PropertyColumn column, ScalarKind kind, ArrowColumnBuilder builder, ref Utf8JsonReader reader, int item)
    {
        // The builder types follow from the kind (TableLayout maps each kind to one Arrow type), so the casts are unchecked.
        switch (kind)
        {
            case ScalarKind.String:
                {
                    var text = ReadStringToken(column, ref reader, item);
                    Unsafe.As<Utf8ColumnBuilder>(builder).Append(text);
                    _rowVariableBytes += text.Length;
                    if (item == ItemIsTopLevel)
                    {
                        RunChecks(column, text);
                        Capture(column, text);
                    }

                    break;
                }

            case ScalarKind.Bool:
                {
                    var value = reader.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        _ => ThrowTypeMismatch<bool>(column, ref reader, item),
                    };
                    Unsafe.As<BooleanColumnBuilder>(builder).Append(value);
                    if (item == ItemIsTopLevel)
                    {
                        Capture(column, value ? "true"u8 : "false"u8);
                    }

                    break;
                }

            case ScalarKind.I32:
                {
                    var value = ReadSigned(column, ref reader, item, int.MinValue, int.MaxValue, "Int32");
                    Unsafe.As<PrimitiveColumnBuilder<int>>(builder).Append((int)value);
                    AfterInteger(column, value, item);
                    break;
                }

            case ScalarKind.I64:
                {
                    var value = ReadSigned(column, ref reader, item, long.MinValue, long.MaxValue, "Int64");
                    Unsafe.As<PrimitiveColumnBuilder<long>>(builder).Append(value);
                    AfterInteger(column, value, item);
                    break;
                }

            case ScalarKind.U32:
                {
                    var value = ReadUnsigned(column, ref reader, item, uint.MaxValue, "UInt32");
                    Unsafe.As<PrimitiveColumnBuilder<uint>>(builder).Append((uint)value);
                    AfterInteger(column, value, item);
                    break;
                }

            case ScalarKind.U64:
                {
                    var value = ReadUnsigned(column, ref reader, item, ulong.MaxValue, "UInt64");
                    Unsafe.As<PrimitiveColumnBuilder<ulong>>(builder).Append(value);
                    AfterInteger(column, value, item);
                    break;
                }

            case ScalarKind.F32:
                {
                    var value = (float)ReadFloat(column, ref reader, item, isSingle: true);
                    Unsafe.As<PrimitiveColumnBuilder<float>>(builder).Append(value);
                    AfterFloat(column, value, isSingle: true, item);
                    break;
                }

            case ScalarKind.F64:
                {
                    var value = ReadFloat(column, ref reader, item, isSingle: false);
                    Unsafe.As<PrimitiveColumnBuilder<double>>(builder).Append(value);
                    AfterFloat(column, value, isSingle: false, item);
                    break;
                }

            case ScalarKind.Date:
                {
                    var days = ReadDate(column, ref reader, item);
                    Unsafe.As<PrimitiveColumnBuilder<int>>(builder).Append(days);
                    AfterInteger(column, days, item);
                    break;
                }

            case ScalarKind.DateTime:
                {
                    var milliseconds = ReadDateTime(column, ref reader, item);
                    Unsafe.As<PrimitiveColumnBuilder<long>>(builder).Append(milliseconds);
                    AfterInteger(column, milliseconds, item);
                    break;
                }

            default:
                {
                    var bytes = ReadBlob(column, ref reader, item);
                    Unsafe.As<BinaryColumnBuilder>(builder).Append(bytes);
                    _rowVariableBytes += bytes.Length;
                    break;
                }
        }
    }

    private void AppendEnum(PropertyColumn column, ref Utf8JsonReader reader)
    {
        var text = ReadStringToken(column, ref reader, ItemIsTopLevel);
        if (!column.IsEnumValue(text))
        {
            ThrowInvalidEnum(column, text);
        }

        Unsafe.As<Utf8ColumnBuilder>(column.Builder).Append(text);
        _rowVariableBytes += text.Length;
        Capture(column, text);
    }

    private void AppendList(PropertyColumn column, ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            ThrowTypeMismatch<int>(column, ref reader, ItemIsTopLevel);
        }

        var list = Unsafe.As<ListColumnBuilder>(column.Builder);
        list.StartList();
        var values = list.Values;
        var itemWidth = column.Scalar switch
        {
            ScalarKind.String or ScalarKind.I32 or ScalarKind.U32 or ScalarKind.F32 or ScalarKind.Date => 4,
            ScalarKind.Bool => 1,
            _ => 8,
        };
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                ThrowInvalid($"property '{column.Name}' list items may not be null (item {index} is null)", column.Name);
            }

            AppendScalar(column, column.Scalar, values, ref reader, index);
            _rowVariableBytes += itemWidth;
            index++;
        }
    }

    private void AppendVector(PropertyColumn column, ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            ThrowTypeMismatch<int>(column, ref reader, ItemIsTopLevel);
        }

        var vector = Unsafe.As<FixedSizeListColumnBuilder>(column.Builder);
        var values = Unsafe.As<PrimitiveColumnBuilder<float>>(vector.Values);
        vector.StartList();
        var dimension = column.VectorDimension;
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                ThrowInvalid($"vector property '{column.Name}' elements must be numeric (element {count} is {JsonStrings.DescribeToken(ref reader)})", column.Name);
            }

            // Keep counting past the dimension so the error can say how many elements there were.
            if (count < dimension)
            {
                if (!reader.TryGetDouble(out var number) || !double.IsFinite(number) || !float.IsFinite((float)number))
                {
                    ThrowInvalid($"vector property '{column.Name}' element {count} value {JsonStrings.Excerpt(reader.ValueSpan)} exceeds Float32 range", column.Name);
                }

                values.Append((float)number);
            }

            count++;
        }

        if (count != dimension)
        {
            ThrowInvalid($"vector property '{column.Name}' expects {dimension} dimensions, got {count}", column.Name);
        }

        _rowVariableBytes += (long)dimension * sizeof(float);
    }

    private ReadOnlySpan<byte> ReadStringToken(PropertyColumn column, ref Utf8JsonReader reader, int item)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            ThrowTypeMismatch<int>(column, ref reader, item);
        }

        return JsonStrings.GetUtf8(ref reader, _valueText);
    }

    private long ReadSigned(PropertyColumn column, ref Utf8JsonReader reader, int item, long min, long max, string rangeName)
    {
        if (reader.TokenType != JsonTokenType.Number
            || !JsonIntegerLiteral.TryParse(reader.ValueSpan, out var negative, out var magnitude, out var overflow))
        {
            return ThrowTypeMismatch<long>(column, ref reader, item);
        }

        if (overflow || !JsonIntegerLiteral.TryToSigned(negative, magnitude, min, max, out var value))
        {
            return ThrowOutOfRange<long>(column, ref reader, item, rangeName);
        }

        return value;
    }

    private ulong ReadUnsigned(PropertyColumn column, ref Utf8JsonReader reader, int item, ulong max, string rangeName)
    {
        if (reader.TokenType != JsonTokenType.Number
            || !JsonIntegerLiteral.TryParse(reader.ValueSpan, out var negative, out var magnitude, out var overflow))
        {
            return ThrowTypeMismatch<ulong>(column, ref reader, item);
        }

        if (overflow || !JsonIntegerLiteral.TryToUnsigned(negative, magnitude, max, out var value))
        {
            return ThrowOutOfRange<ulong>(column, ref reader, item, rangeName);
        }

        return value;
    }

    private double ReadFloat(PropertyColumn column, ref Utf8JsonReader reader, int item, bool isSingle)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return ThrowTypeMismatch<double>(column, ref reader, item);
        }

        if (!reader.TryGetDouble(out var value) || !double.IsFinite(value) || (isSingle && !float.IsFinite((float)value)))
        {
            return ThrowOutOfRange<double>(column, ref reader, item, isSingle ? "Float32" : "Float64");
        }

        return value;
    }

    private int ReadDate(PropertyColumn column, ref Utf8JsonReader reader, int item)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return (int)ReadSigned(column, ref reader, item, int.MinValue, int.MaxValue, "Int32");
        }

        var text = ReadStringToken(column, ref reader, item);
        if (!CalendarLiterals.TryParseDate(text, out var days))
        {
            ThrowInvalidLiteral(column, "Date", text, item);
        }

        return days;
    }

    private long ReadDateTime(PropertyColumn column, ref Utf8JsonReader reader, int item)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return ReadSigned(column, ref reader, item, long.MinValue, long.MaxValue, "Int64");
        }

        var text = ReadStringToken(column, ref reader, item);
        if (!CalendarLiterals.TryParseDateTime(text, out var milliseconds))
        {
            ThrowInvalidLiteral(column, "DateTime", text, item);
        }

        return milliseconds;
    }

    private ReadOnlySpan<byte> ReadBlob(PropertyColumn column, ref Utf8JsonReader reader, int item)
    {
        var text = ReadStringToken(column, ref reader, item);
        if (!text.StartsWith(Base64Prefix))
        {
            ThrowExternalBlob(column, text);
        }

        var payload = text[Base64Prefix.Length..];

        // The decoder skips whitespace; the format's base64 (standard alphabet, padded) does not allow any.
        if (payload.IndexOfAny(s_base64Whitespace) >= 0)
        {
            ThrowInvalidBlob(column);
        }

        _blobBytes.Clear();
        var destination = _blobBytes.GetSpan(Base64.GetMaxDecodedFromUtf8Length(payload.Length));
        var status = Base64.DecodeFromUtf8(payload, destination, out _, out var written);
        if (status != OperationStatus.Done)
        {
            ThrowInvalidBlob(column);
        }

        _blobBytes.Advance(written);
        return _blobBytes.WrittenSpan;
    }

    /// <summary>
    /// The checks after an integer of any width and sign (Int32/Int64/UInt32/UInt64, and Date/DateTime as their epoch
    /// counts): its @range constraints, then its canonical text when a key or @unique captures it. Int128 holds every
    /// one of them exactly, so signed and unsigned share one path.
    /// </summary>
    private void AfterInteger(PropertyColumn column, Int128 value, int item)
    {
        if (item != ItemIsTopLevel)
        {
            return;
        }

        foreach (var range in column.Ranges)
        {
            var violation = range.Evaluate(value);
            if (violation != RangeViolation.None)
            {
                ThrowRangeViolation(column, range, violation, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (column.CaptureSlot >= 0)
        {
            Span<byte> text = stackalloc byte[CanonicalText.MaxIntegerLength];
            Capture(column, text[..CanonicalText.WriteInteger(value, text)]);
        }
    }

    private void AfterFloat(PropertyColumn column, double value, bool isSingle, int item)
    {
        if (item != ItemIsTopLevel)
        {
            return;
        }

        foreach (var range in column.Ranges)
        {
            var violation = range.Evaluate(value);
            if (violation != RangeViolation.None)
            {
                ThrowRangeViolation(column, range, violation, CanonicalText.FormatFloat(value, isSingle));
            }
        }

        if (column.CaptureSlot >= 0)
        {
            Span<byte> text = stackalloc byte[CanonicalText.MaxFloatLength];
            Capture(column, text[..CanonicalText.WriteFloat(value, isSingle, text)]);
        }
    }

    private void RunChecks(PropertyColumn column, ReadOnlySpan<byte> text)
    {
        if (column.Checks.Length == 0)
        {
            return;
        }

        if (_chars.Length < text.Length)
        {
            _chars = new char[Math.Max(text.Length, _chars.Length * 2)];
        }

        var length = Encoding.UTF8.GetChars(text, _chars);
        foreach (var check in column.Checks)
        {
            // An invalid pattern throws the schema's own error (schema_invalid_check_pattern) here, at first use.
            if (!check.IsMatch(_chars.AsSpan(0, length)))
            {
                ThrowCheckViolation(column, check, text);
            }
        }
    }

    private void Capture(PropertyColumn column, ReadOnlySpan<byte> canonicalText)
    {
        var slot = column.CaptureSlot;
        if (slot < 0)
        {
            return;
        }

        _captureStart[slot] = _row.Length;
        _captureLength[slot] = canonicalText.Length;
        _row.Append(canonicalText);
    }
}
