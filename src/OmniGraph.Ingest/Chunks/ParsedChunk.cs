using System.Runtime.ExceptionServices;

namespace OmniGraph.Ingest;

/// <summary>
/// What a parse lane made of one <see cref="ParseChunk"/>: each table's rows (<see cref="ChunkTable"/>), which table each
/// record row belongs to in file order, the counts, and the chunk's first error, if any: the rows before it are whole,
/// and the merge takes them before it reports the error, so an earlier error found only by the merge still comes first.
/// </summary>
internal sealed class ParsedChunk
{
    public ParsedChunk(ChunkTable[] tables, int[] rowTables, int rowCount, long linesRead, long recordsRead, ExceptionDispatchInfo? error)
    {
        Tables = tables;
        RowTables = rowTables;
        RowCount = rowCount;
        LinesRead = linesRead;
        RecordsRead = recordsRead;
        Error = error;
    }

    /// <summary>A chunk whose parse failed outside any line (for example out of memory): no rows, only the error.</summary>
    public static ParsedChunk Failed(Exception exception) => new([], [], 0, 0, 0, ExceptionDispatchInfo.Capture(exception));

    /// <summary>The tables in the order the chunk first completed a row of each.</summary>
    public ChunkTable[] Tables { get; }

    /// <summary>For each whole row in file order, its table's index in <see cref="Tables"/> (the first <see cref="RowCount"/> entries).</summary>
    public int[] RowTables { get; }

    public int RowCount { get; }

    /// <summary>Lines read, blank ones and a failing one included.</summary>
    public long LinesRead { get; }

    /// <summary>Records read, a failing one included.</summary>
    public long RecordsRead { get; }

    public ExceptionDispatchInfo? Error { get; }
}
