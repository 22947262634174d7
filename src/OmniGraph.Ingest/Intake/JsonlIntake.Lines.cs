namespace OmniGraph.Ingest;

public sealed partial class JsonlIntake
{
    private long _nextLine = 1;
    private TableWriter[] _mergeTables = new TableWriter[4];
    private int[] _mergeCursors = new int[4];

    /// <summary>
    /// Reads the next piece of input. Its complete lines are parsed (and their fragments emitted) before the call
    /// returns; a trailing partial line is kept until the piece that completes it arrives (or <see cref="Complete"/>).
    /// </summary>
    /// <exception cref="IngestException">A line is invalid; the intake is now faulted.</exception>
    /// <exception cref="InvalidOperationException">The intake already completed or failed.</exception>
    public void Feed(ReadOnlySpan<byte> chunk)
    {
        EnsureUsable();
        try
        {
            var last = chunk.LastIndexOf((byte)'\n');
            if (last >= 0)
            {
                ParseLines(chunk[..(last + 1)]);
                chunk = chunk[(last + 1)..];
            }

            AppendCarry(chunk);
        }
        catch (Exception exception)
        {
            _fault = exception;
            throw;
        }
    }

    /// <summary>
    /// Cuts <paramref name="lines"/> (whole lines, completing the carried partial line) into parse chunks and runs them
    /// through the lanes a window at a time, so memory holds a bounded number of chunks whatever the piece's size.
    /// </summary>
    private void ParseLines(ReadOnlySpan<byte> lines)
    {
        var window = new List<ParseChunk>(Math.Min(_lanes.ChunksPerRun, (lines.Length / _options.ParseChunkBytes) + 1));
        while (!lines.IsEmpty)
        {
            var length = CutPoint(lines, Math.Max(1, _options.ParseChunkBytes - _carry.Length));
            var piece = lines[..length];
            window.Add(new ParseChunk(_carry.WrittenSpan, piece, _nextLine));
            _nextLine += piece.Count((byte)'\n');
            _carry.Release(4096);
            lines = lines[length..];
            if (window.Count == _lanes.ChunksPerRun || lines.IsEmpty)
            {
                _lanes.Run(window, Merge);
                window.Clear();
            }
        }
    }

    /// <summary>The length of the first run of whole lines of about <paramref name="target"/> bytes (at least one line).</summary>
    private static int CutPoint(ReadOnlySpan<byte> lines, int target)
    {
        if (lines.Length <= target)
        {
            return lines.Length;
        }

        var end = lines[..target].LastIndexOf((byte)'\n');
        return end >= 0 ? end + 1 : target + lines[target..].IndexOf((byte)'\n') + 1;
    }

    /// <summary>Takes one parsed chunk's rows into the tables in input order, then reports the chunk's error, if any.</summary>
    private void Merge(ParsedChunk parsed)
    {
        var chunkTables = parsed.Tables;
        if (_mergeTables.Length < chunkTables.Length)
        {
            _mergeTables = new TableWriter[chunkTables.Length];
            _mergeCursors = new int[chunkTables.Length];
        }

        for (var t = 0; t < chunkTables.Length; t++)
        {
            _mergeTables[t] = GetTable(chunkTables[t].Shape);
            _mergeCursors[t] = 0;
        }

        var rowTables = parsed.RowTables;
        for (var r = 0; r < parsed.RowCount; r++)
        {
            var t = rowTables[r];
            _mergeTables[t].MergeRow(chunkTables[t], _mergeCursors[t]++);
        }

        Array.Clear(_mergeTables);
        LinesRead += parsed.LinesRead;
        RecordsRead += parsed.RecordsRead;
        parsed.Error?.Throw();
    }

    private void AppendCarry(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        var length = (long)_carry.Length + bytes.Length;
        if (length > _options.MaxLineBytes)
        {
            throw IngestException.Limit(_nextLine, "line bytes", _options.MaxLineBytes, length);
        }

        _carry.Append(bytes);
    }
}
