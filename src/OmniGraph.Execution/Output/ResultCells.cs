using System.Globalization;
using System.Text;
using System.Text.Json;
using OmniGraph.Arrow;

namespace OmniGraph.Execution.Output;

/// <summary>
/// One result cell as JSON and as text (languages.md §4.1): strings, booleans and numbers as themselves (Float32 widened
/// to double; integral floats keep <c>.0</c>; NaN and infinities as the strings <c>"NaN"</c>, <c>"Infinity"</c>,
/// <c>"-Infinity"</c>), dates as <c>YYYY-MM-DD</c>, timestamps as <c>YYYY-MM-DDTHH:MM:SS.sssZ</c>, lists and vectors as
/// arrays, null as <c>null</c>. The text form is the JSON form except that strings, dates and timestamps are raw.
/// </summary>
public static class ResultCells
{
    /// <summary>Writes the JSON value of one cell.</summary>
    public static void WriteJson(Utf8JsonWriter writer, ArrowColumn column, int row)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(column);
        if (column.IsNull(row))
        {
            writer.WriteNullValue();
            return;
        }

        switch (column)
        {
            case Utf8Column strings:
                writer.WriteStringValue(strings.GetBytes(row));
                break;
            case BooleanColumn booleans:
                writer.WriteBooleanValue(booleans.GetValue(row));
                break;
            case PrimitiveColumn<int> dates when column.Type.Id == ArrowTypeId.Date32:
                writer.WriteStringValue(FormatDate(dates.GetValue(row)));
                break;
            case PrimitiveColumn<long> times when column.Type.Id == ArrowTypeId.Timestamp:
                writer.WriteStringValue(FormatTimestamp(times.GetValue(row)));
                break;
            case PrimitiveColumn<int> ints:
                writer.WriteNumberValue(ints.GetValue(row));
                break;
            case PrimitiveColumn<long> longs:
                writer.WriteNumberValue(longs.GetValue(row));
                break;
            case PrimitiveColumn<uint> uints:
                writer.WriteNumberValue(uints.GetValue(row));
                break;
            case PrimitiveColumn<ulong> ulongs:
                writer.WriteNumberValue(ulongs.GetValue(row));
                break;
            case PrimitiveColumn<float> floats:
                WriteDouble(writer, floats.GetValue(row));
                break;
            case PrimitiveColumn<double> doubles:
                WriteDouble(writer, doubles.GetValue(row));
                break;
            case ListColumn list:
                var (start, length) = list.GetValueRange(row);
                WriteArray(writer, list.Values, start, length);
                break;
            case FixedSizeListColumn vector:
                WriteArray(writer, vector.Values, row * vector.ListSize, vector.ListSize);
                break;
            default:
                throw new NotSupportedException($"{column.Type} values have no JSON form");
        }
    }

    /// <summary>The text of one cell for tables, key-value and CSV output (strings raw, null as <c>null</c>).</summary>
    public static string FormatText(ArrowColumn column, int row)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.IsNull(row))
        {
            return "null";
        }

        switch (column)
        {
            case Utf8Column strings:
                return strings.GetString(row);
            case PrimitiveColumn<int> dates when column.Type.Id == ArrowTypeId.Date32:
                return FormatDate(dates.GetValue(row));
            case PrimitiveColumn<long> times when column.Type.Id == ArrowTypeId.Timestamp:
                return FormatTimestamp(times.GetValue(row));
            default:
                var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    WriteJson(writer, column, row);
                }

                return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }

    /// <summary>A float as JSON: shortest round-trip digits, <c>.0</c> on integral values, names for NaN and infinities.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsNaN(value))
        {
            writer.WriteStringValue("NaN");
        }
        else if (double.IsPositiveInfinity(value))
        {
            writer.WriteStringValue("Infinity");
        }
        else if (double.IsNegativeInfinity(value))
        {
            writer.WriteStringValue("-Infinity");
        }
        else
        {
            writer.WriteRawValue(FormatDouble(value), skipInputValidation: true);
        }
    }

    /// <summary>The JSON number text of a finite double.</summary>
    public static string FormatDouble(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E', StringComparison.Ordinal))
        {
            return text.Replace("E", "e", StringComparison.Ordinal);
        }

        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>Days since 1970-01-01 as <c>YYYY-MM-DD</c>.</summary>
    public static string FormatDate(int days) => Query.Values.TemporalText.FormatDate(days);

    /// <summary>Milliseconds since the epoch as <c>YYYY-MM-DDTHH:MM:SS.sssZ</c>.</summary>
    public static string FormatTimestamp(long milliseconds) => Query.Values.TemporalText.FormatDateTime(milliseconds);

    private static void WriteArray(Utf8JsonWriter writer, ArrowColumn values, int start, int length)
    {
        writer.WriteStartArray();
        for (var i = start; i < start + length; i++)
        {
            WriteJson(writer, values, i);
        }

        writer.WriteEndArray();
    }
}
