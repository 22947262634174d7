using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;

namespace OmniGraph.Execution.Output;

/// <summary>
/// Renders a <see cref="QueryResult"/> in the read output formats (languages.md §4.2, operations.md §2.5): the
/// <c>ReadOutput</c> JSON envelope (<c>query_name</c>, <c>target</c>, <c>row_count</c>, <c>columns</c> unless empty,
/// <c>rows</c> keyed by column name, <c>graph_commit_id</c>), JSON lines, CSV, a fitted table and key-value blocks.
/// </summary>
public static class ReadOutputWriter
{
    /// <summary>Widest table cell; longer values are cut with <c>…</c>.</summary>
    public const int MaxTableColumnWidth = 48;

    private static readonly JsonWriterOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions s_indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>Writes <paramref name="result"/> in <paramref name="format"/>, ending with a newline.</summary>
    public static async Task WriteAsync(TextWriter output, QueryResult result, ReadOutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        var text = format switch
        {
            ReadOutputFormat.Json => Json(result, indented: true) + "\n",
            ReadOutputFormat.JsonLines => JsonLines(result),
            ReadOutputFormat.Csv => Csv(result),
            ReadOutputFormat.KeyValue => KeyValue(result),
            _ => Table(result),
        };
        await output.WriteAsync(text).ConfigureAwait(false);
    }

    /// <summary>The <c>ReadOutput</c> envelope.</summary>
    public static string Json(QueryResult result, bool indented)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Render(indented ? s_indented : s_compact, writer =>
        {
            writer.WriteStartObject();
            WriteHeader(writer, result);
            var columns = result.ColumnNames;
            if (!columns.IsEmpty)
            {
                writer.WriteStartArray("columns");
                foreach (var column in columns)
                {
                    writer.WriteStringValue(column);
                }

                writer.WriteEndArray();
            }

            writer.WriteStartArray("rows");
            for (var row = 0; row < result.RowCount; row++)
            {
                WriteRow(writer, result.Rows, row);
            }

            writer.WriteEndArray();
            writer.WriteString("graph_commit_id", result.GraphCommitId);
            writer.WriteEndObject();
        });
    }

    /// <summary>A metadata line, then one compact object per row.</summary>
    public static string JsonLines(QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.Append(Render(s_compact, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("kind", "metadata");
            WriteHeader(writer, result);
            writer.WriteEndObject();
        })).Append('\n');
        for (var row = 0; row < result.RowCount; row++)
        {
            text.Append(Render(s_compact, writer => WriteRow(writer, result.Rows, row))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A header of column names, then rows; fields holding a comma, quote or line break are quoted.</summary>
    public static string Csv(QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendJoin(',', result.ColumnNames.Select(Quote)).Append('\n');
        for (var row = 0; row < result.RowCount; row++)
        {
            for (var column = 0; column < result.Rows.ColumnCount; column++)
            {
                if (column > 0)
                {
                    text.Append(',');
                }

                text.Append(Quote(ResultCells.FormatText(result.Rows.Column(column), row)));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The header line, then <c>a | b</c>, <c>--+--</c> and the padded rows; <c>(no rows)</c> when empty.</summary>
    public static string Table(QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder().Append(HeaderLine(result)).Append('\n');
        if (result.RowCount == 0)
        {
            return text.Append("(no rows)\n").ToString();
        }

        var names = result.ColumnNames;
        var cells = new string[result.RowCount][];
        var widths = names.Select(static n => Math.Min(n.Length, MaxTableColumnWidth)).ToArray();
        for (var row = 0; row < cells.Length; row++)
        {
            cells[row] = new string[names.Length];
            for (var column = 0; column < names.Length; column++)
            {
                var cell = Fit(ResultCells.FormatText(result.Rows.Column(column), row));
                cells[row][column] = cell;
                widths[column] = Math.Max(widths[column], cell.Length);
            }
        }

        text.AppendJoin(" | ", names.Select((n, i) => Pad(Fit(n), widths, i))).Append('\n');
        text.AppendJoin("-+-", widths.Select(static w => new string('-', w))).Append('\n');
        foreach (var row in cells)
        {
            text.AppendJoin(" | ", row.Select((c, i) => Pad(c, widths, i))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The header line, then per row <c>row i</c> and its <c>column: value</c> lines, rows separated by a blank line.</summary>
    public static string KeyValue(QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder().Append(HeaderLine(result)).Append('\n');
        if (result.RowCount == 0)
        {
            return text.Append("(no rows)\n").ToString();
        }

        var names = result.ColumnNames;
        for (var row = 0; row < result.RowCount; row++)
        {
            if (row > 0)
            {
                text.Append('\n');
            }

            text.Append("row ").Append(row + 1).Append('\n');
            for (var column = 0; column < names.Length; column++)
            {
                text.Append(names[column]).Append(": ").Append(Escape(ResultCells.FormatText(result.Rows.Column(column), row))).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary><c>&lt;N&gt; rows from branch &lt;b&gt; via &lt;query&gt;</c> (or <c>snapshot &lt;id&gt;</c>).</summary>
    public static string HeaderLine(QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var from = result.Target.Snapshot is { } snapshot ? $"snapshot {snapshot}" : $"branch {result.Target.Branch ?? BranchNames.Main}";
        return $"{result.RowCount} rows from {from} via {result.QueryName}";
    }

    private static void WriteHeader(Utf8JsonWriter writer, QueryResult result)
    {
        writer.WriteString("query_name", result.QueryName);
        writer.WriteStartObject("target");
        if (result.Target.Snapshot is null)
        {
            writer.WriteString("branch", result.Target.Branch ?? BranchNames.Main);
            writer.WriteNull("snapshot");
        }
        else
        {
            writer.WriteNull("branch");
            writer.WriteString("snapshot", result.Target.Snapshot);
        }

        writer.WriteEndObject();
        writer.WriteNumber("row_count", result.RowCount);
    }

    private static void WriteRow(Utf8JsonWriter writer, RecordBatch rows, int row)
    {
        writer.WriteStartObject();
        for (var column = 0; column < rows.ColumnCount; column++)
        {
            writer.WritePropertyName(rows.Schema.Fields[column].Name);
            ResultCells.WriteJson(writer, rows.Column(column), row);
        }

        writer.WriteEndObject();
    }

    private static string Render(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>Line breaks show as <c>\n</c>; a cell wider than the cap is cut with an ellipsis.</summary>
    private static string Fit(string cell)
    {
        var escaped = Escape(cell);
        return escaped.Length > MaxTableColumnWidth ? string.Concat(escaped.AsSpan(0, MaxTableColumnWidth - 1), "…") : escaped;
    }

    private static string Escape(string cell) =>
        cell.Contains('\n', StringComparison.Ordinal) || cell.Contains('\r', StringComparison.Ordinal)
            ? cell.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            : cell;

    /// <summary>Pads to the column width; the last column is not padded (no trailing blanks).</summary>
    private static string Pad(string cell, int[] widths, int column) => column == widths.Length - 1 ? cell : cell.PadRight(widths[column]);
}
