using System.Globalization;
using System.Text;
using OmniGraph.Arrow;

namespace OmniGraph.Tables.Values;

/// <summary>How a stored value appears in messages: strings as they are, numbers invariant, dates ISO 8601, lists in brackets.</summary>
internal static class CellText
{
    /// <summary>The text of one value (<c>null</c> for a null cell).</summary>
    public static string Format(ArrowColumn column, int row)
    {
        if (column.IsNull(row))
        {
            return "null";
        }

        return column switch
        {
            Utf8Column utf8 => utf8.GetString(row),
            BinaryColumn binary => "base64:" + Convert.ToBase64String(binary.GetBytes(row)),
            BooleanColumn boolean => boolean.GetValue(row) ? "true" : "false",
            PrimitiveColumn<int> int32 when column.Type.Id == ArrowTypeId.Date32 =>
                DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + int32.GetValue(row)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PrimitiveColumn<int> int32 => int32.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<long> int64 when column.Type.Id == ArrowTypeId.Timestamp =>
                DateTimeOffset.FromUnixTimeMilliseconds(int64.GetValue(row)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            PrimitiveColumn<long> int64 => int64.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<uint> uint32 => uint32.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<ulong> uint64 => uint64.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<float> float32 => float32.GetValue(row).ToString("R", CultureInfo.InvariantCulture),
            PrimitiveColumn<double> float64 => float64.GetValue(row).ToString("R", CultureInfo.InvariantCulture),
            ListColumn list => FormatList(list.Values, list.GetValueRange(row)),
            FixedSizeListColumn vector => FormatList(vector.Values, (row * vector.ListSize, vector.ListSize)),
            _ => column.Type.ToString(),
        };
    }

    /// <summary>The text of a tuple: a single value as it is, several as <c>(a, b)</c>.</summary>
    public static string FormatTuple(RecordBatch batch, IReadOnlyList<int> columns, int row)
    {
        if (columns.Count == 1)
        {
            return Format(batch.Column(columns[0]), row);
        }

        var text = new StringBuilder("(");
        for (var i = 0; i < columns.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(Format(batch.Column(columns[i]), row));
        }

        return text.Append(')').ToString();
    }

    private static string FormatList(ArrowColumn values, (int Start, int Length) range)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < range.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(Format(values, range.Start + i));
        }

        return text.Append(']').ToString();
    }
}
