namespace OmniGraph.Cli.Output;

/// <summary>Writes rows as left-aligned columns separated by two spaces (the human form of listings).</summary>
internal static class TextTable
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        var widths = new int[header.Count];
        for (var c = 0; c < widths.Length; c++)
        {
            widths[c] = header[c].Length;
            foreach (var row in rows)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        await output.WriteLineAsync(Line(header, widths));
        foreach (var row in rows)
        {
            await output.WriteLineAsync(Line(row, widths));
        }
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths)
    {
        var parts = new string[cells.Count];
        for (var c = 0; c < cells.Count; c++)
        {
            parts[c] = c == cells.Count - 1 ? cells[c] : cells[c].PadRight(widths[c]);
        }

        return string.Join("  ", parts);
    }
}
