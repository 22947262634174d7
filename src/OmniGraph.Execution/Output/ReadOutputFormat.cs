namespace OmniGraph.Execution.Output;

/// <summary>How <c>omnigraph query</c> renders a result (languages.md §4.2).</summary>
public enum ReadOutputFormat
{
    /// <summary>A header line, then a fitted table (<c>a | b</c>, <c>--+--</c>), or <c>(no rows)</c>.</summary>
    Table,

    /// <summary>A header line, then per row <c>row i</c> and <c>column: value</c> lines.</summary>
    KeyValue,

    /// <summary>A header of column names, then rows (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>A metadata line, then one compact JSON object per row.</summary>
    JsonLines,

    /// <summary>The pretty-printed <c>ReadOutput</c> envelope.</summary>
    Json,
}

/// <summary>Names of <see cref="ReadOutputFormat"/> as the CLI spells them.</summary>
public static class ReadOutputFormats
{
    /// <summary>The accepted names, in help order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["table", "kv", "csv", "jsonl", "json"];

    /// <summary>Parses a format name; <c>false</c> for an unknown one.</summary>
    public static bool TryParse(string? name, out ReadOutputFormat format)
    {
        switch (name)
        {
            case "table": format = ReadOutputFormat.Table; return true;
            case "kv": format = ReadOutputFormat.KeyValue; return true;
            case "csv": format = ReadOutputFormat.Csv; return true;
            case "jsonl": format = ReadOutputFormat.JsonLines; return true;
            case "json": format = ReadOutputFormat.Json; return true;
            default: format = default; return false;
        }
    }
}
