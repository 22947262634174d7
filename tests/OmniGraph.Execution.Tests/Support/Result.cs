using System.Globalization;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;

namespace OmniGraph.Execution.Tests.Support;

/// <summary>A query result with assertion helpers: cells as plain .NET values (null, string, int, long, double, bool, dates as ISO text, lists as arrays).</summary>
internal sealed class Result(QueryResult result)
{
    public QueryResult Raw { get; } = result;

    public int Count => Raw.RowCount;

    public IReadOnlyList<string> Columns => Raw.ColumnNames;

    /// <summary>The Arrow type of a column.</summary>
    public ArrowType TypeOf(string column) => Raw.Rows.Schema.Fields[Raw.Rows.Schema.GetFieldIndex(column)].Type;

    /// <summary>Every row as an array of cells.</summary>
    public List<object?[]> Rows
    {
        get
        {
            var rows = new List<object?[]>();
            for (var row = 0; row < Count; row++)
            {
                var cells = new object?[Raw.Rows.ColumnCount];
                for (var column = 0; column < cells.Length; column++)
                {
                    cells[column] = Cell(Raw.Rows.Column(column), row);
                }

                rows.Add(cells);
            }

            return rows;
        }
    }

    /// <summary>One column's values in row order.</summary>
    public List<object?> Column(string name)
    {
        var index = Raw.Rows.Schema.GetFieldIndex(name);
        Assert.True(index >= 0, $"no column '{name}' in [{string.Join(", ", Columns)}]");
        var values = new List<object?>();
        for (var row = 0; row < Count; row++)
        {
            values.Add(Cell(Raw.Rows.Column(index), row));
        }

        return values;
    }

    /// <summary>The first column's values as strings.</summary>
    public List<string?> First() => [.. Column(Columns[0]).Select(static v => v as string ?? v?.ToString())];

    /// <summary>The first column's distinct values, sorted (for set comparisons).</summary>
    public List<string?> FirstSet() => [.. First().Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The rows rendered as text lines (for multiset comparisons).</summary>
    public List<string> Lines() => [.. Rows.Select(static r => string.Join("|", r.Select(Render)))];

    public static string Render(object? cell) => cell switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        object?[] list => "[" + string.Join(",", list.Select(Render)) + "]",
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "null",
    };

    private static object? Cell(ArrowColumn column, int row)
    {
        if (column.IsNull(row))
        {
            return null;
        }

        return column switch
        {
            Utf8Column strings => strings.GetString(row),
            BooleanColumn booleans => booleans.GetValue(row),
            PrimitiveColumn<int> ints when column.Type.Id == ArrowTypeId.Date32 => DateOnly.FromDayNumber(new DateOnly(1970, 1, 1).DayNumber + ints.GetValue(row)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PrimitiveColumn<int> ints => ints.GetValue(row),
            PrimitiveColumn<long> longs when column.Type.Id == ArrowTypeId.Timestamp => DateTimeOffset.FromUnixTimeMilliseconds(longs.GetValue(row)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            PrimitiveColumn<long> longs => longs.GetValue(row),
            PrimitiveColumn<uint> uints => uints.GetValue(row),
            PrimitiveColumn<ulong> ulongs => ulongs.GetValue(row),
            PrimitiveColumn<float> floats => floats.GetValue(row),
            PrimitiveColumn<double> doubles => doubles.GetValue(row),
            ListColumn list => ListCells(list.Values, list.GetValueRange(row)),
            FixedSizeListColumn vector => ListCells(vector.Values, (row * vector.ListSize, vector.ListSize)),
            _ => throw new NotSupportedException(column.Type.ToString()),
        };
    }

    private static object?[] ListCells(ArrowColumn values, (int Start, int Length) range)
    {
        var cells = new object?[range.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = Cell(values, range.Start + i);
        }

        return cells;
    }
}
