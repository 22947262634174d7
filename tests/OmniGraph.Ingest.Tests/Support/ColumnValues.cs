using OmniGraph.Arrow;

namespace OmniGraph.Ingest.Tests.Support;

/// <summary>Reads Arrow columns back as CLR values for assertions.</summary>
internal static class ColumnValues
{
    public static List<object?> Read(ArrowColumn column)
    {
        var values = new List<object?>(column.Length);
        for (var i = 0; i < column.Length; i++)
        {
            values.Add(Read(column, i));
        }

        return values;
    }

    public static object? Read(ArrowColumn column, int row)
    {
        if (column.IsNull(row))
        {
            return null;
        }

        return column switch
        {
            Utf8Column utf8 => utf8.GetString(row),
            BinaryColumn binary => binary.GetBytes(row).ToArray(),
            BooleanColumn boolean => boolean.GetValue(row),
            PrimitiveColumn<int> int32 => int32.GetValue(row),
            PrimitiveColumn<long> int64 => int64.GetValue(row),
            PrimitiveColumn<uint> uint32 => uint32.GetValue(row),
            PrimitiveColumn<ulong> uint64 => uint64.GetValue(row),
            PrimitiveColumn<float> float32 => float32.GetValue(row),
            PrimitiveColumn<double> float64 => float64.GetValue(row),
            FixedSizeListColumn vector => vector.GetVector(row).ToArray(),
            ListColumn list => Read(list.GetValues(row)).ToArray(),
            _ => throw new NotSupportedException(column.GetType().Name),
        };
    }
}
