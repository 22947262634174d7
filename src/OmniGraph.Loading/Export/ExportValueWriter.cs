using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using OmniGraph.Arrow;

namespace OmniGraph.Loading.Export;

/// <summary>
/// Writes one stored cell as the JSON value a load reads back to exactly the same stored value (the value forms of
/// docs/data-format.md §3): integers as JSON integers, floats in their shortest round-trip form at stored width, Date as
/// <c>"YYYY-MM-DD"</c>, DateTime as RFC 3339 UTC with milliseconds, Blob as <c>"base64:…"</c>, lists and vectors as
/// arrays. A Date or DateTime outside the four-digit-year range is written as its integer count, which loads back the same.
/// </summary>
public static class ExportValueWriter
{
    private const int UnixEpochDayNumber = 719_162;
    private const long MinDateTimeMilliseconds = -62_135_596_800_000;
    private const long MaxDateTimeMilliseconds = 253_402_300_799_999;
    private static readonly byte[] s_base64Prefix = "base64:"u8.ToArray();

    /// <summary>Writes the value of <paramref name="column"/> at <paramref name="row"/> (which is not null).</summary>
    /// <exception cref="OmniGraphException">Code <c>unexportable_value</c>: A float that is not finite (no load could have stored it).</exception>
    public static void Write(Utf8JsonWriter writer, ArrowColumn column, int row, string property)
    {
        switch (column.Type.Id)
        {
            case ArrowTypeId.Utf8:
                writer.WriteStringValue(((Utf8Column)column).GetBytes(row));
                break;
            case ArrowTypeId.Boolean:
                writer.WriteBooleanValue(((BooleanColumn)column).GetValue(row));
                break;
            case ArrowTypeId.Int32:
                writer.WriteNumberValue(((PrimitiveColumn<int>)column).GetValue(row));
                break;
            case ArrowTypeId.Int64:
                writer.WriteNumberValue(((PrimitiveColumn<long>)column).GetValue(row));
                break;
            case ArrowTypeId.UInt32:
                writer.WriteNumberValue(((PrimitiveColumn<uint>)column).GetValue(row));
                break;
            case ArrowTypeId.UInt64:
                writer.WriteNumberValue(((PrimitiveColumn<ulong>)column).GetValue(row));
                break;
            case ArrowTypeId.Float32:
                WriteSingle(writer, ((PrimitiveColumn<float>)column).GetValue(row), property);
                break;
            case ArrowTypeId.Float64:
                WriteDouble(writer, ((PrimitiveColumn<double>)column).GetValue(row), property);
                break;
            case ArrowTypeId.Date32:
                WriteDate(writer, ((PrimitiveColumn<int>)column).GetValue(row));
                break;
            case ArrowTypeId.Timestamp:
                WriteDateTime(writer, ((PrimitiveColumn<long>)column).GetValue(row));
                break;
            case ArrowTypeId.Binary:
                WriteBlob(writer, ((BinaryColumn)column).GetBytes(row));
                break;
            case ArrowTypeId.List:
                WriteList(writer, (ListColumn)column, row, property);
                break;
            case ArrowTypeId.FixedSizeList:
                WriteVector(writer, ((FixedSizeListColumn)column).GetVector(row), property);
                break;
            default:
                ThrowUnsupported(column.Type, property);
                break;
        }
    }

    private static void WriteList(Utf8JsonWriter writer, ListColumn column, int row, string property)
    {
        var (start, length) = column.GetValueRange(row);
        writer.WriteStartArray();
        for (var i = start; i < start + length; i++)
        {
            Write(writer, column.Values, i, property);
        }

        writer.WriteEndArray();
    }

    private static void WriteVector(Utf8JsonWriter writer, ReadOnlySpan<float> values, string property)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            WriteSingle(writer, value, property);
        }

        writer.WriteEndArray();
    }

    private static void WriteSingle(Utf8JsonWriter writer, float value, string property)
    {
        if (!float.IsFinite(value))
        {
            throw Unexportable(property, value.ToString(CultureInfo.InvariantCulture));
        }

        // float.TryFormat without a format is the shortest text that parses back to the same float.
        Span<byte> text = stackalloc byte[32];
        value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
        writer.WriteRawValue(text[..written], skipInputValidation: true);
    }

    private static void WriteDouble(Utf8JsonWriter writer, double value, string property)
    {
        if (!double.IsFinite(value))
        {
            throw Unexportable(property, value.ToString(CultureInfo.InvariantCulture));
        }

        Span<byte> text = stackalloc byte[32];
        value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
        writer.WriteRawValue(text[..written], skipInputValidation: true);
    }

    private static void WriteDate(Utf8JsonWriter writer, int days)
    {
        var dayNumber = (long)UnixEpochDayNumber + days;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            writer.WriteNumberValue(days);
            return;
        }

        Span<byte> text = stackalloc byte[10];
        DateOnly.FromDayNumber((int)dayNumber).TryFormat(text, out var written, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    private static void WriteDateTime(Utf8JsonWriter writer, long milliseconds)
    {
        if (milliseconds < MinDateTimeMilliseconds || milliseconds > MaxDateTimeMilliseconds)
        {
            writer.WriteNumberValue(milliseconds);
            return;
        }

        Span<byte> text = stackalloc byte[24];
        DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime
            .TryFormat(text, out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    private static void WriteBlob(Utf8JsonWriter writer, ReadOnlySpan<byte> bytes)
    {
        var length = s_base64Prefix.Length + Base64.GetMaxEncodedToUtf8Length(bytes.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            s_base64Prefix.CopyTo(rented, 0);
            Base64.EncodeToUtf8(bytes, rented.AsSpan(s_base64Prefix.Length), out _, out var written);
            writer.WriteStringValue(rented.AsSpan(0, s_base64Prefix.Length + written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    [DoesNotReturn]
    private static void ThrowUnsupported(ArrowType type, string property) =>
        throw Unexportable(property, $"a stored column of Arrow type {type}");

    private static OmniGraphException Unexportable(string property, string value) =>
        new(ErrorCodes.UnexportableValue, $"property '{property}' holds {value}, which the load format cannot represent", ErrorDetails.Of(ErrorDetail.Property.With(property), ErrorDetail.Value.With(value)));
}
