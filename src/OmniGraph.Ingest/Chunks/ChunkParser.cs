using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Unicode;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>
/// One parse lane: reads the records of a <see cref="ParseChunk"/> with a <see cref="Utf8JsonReader"/> straight into its
/// own per-table column builders (<see cref="TableRowReader"/>) and checks every rule a record can check on its own.
/// The intake runs up to <see cref="JsonlIntakeOptions.ParseParallelism"/> lanes on consecutive chunks at once; each
/// lane is used by one thread at a time and keeps its builders and scratch from chunk to chunk.
/// </summary>
internal sealed partial class ChunkParser
{
    private static readonly JsonReaderOptions s_readerOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    private static readonly SearchValues<byte> s_jsonWhitespace = SearchValues.Create(" \t\r\n"u8);

    private readonly SchemaCatalog _catalog;
    private readonly JsonlIntakeOptions _options;
    private readonly Dictionary<GraphElementType, TableRowReader> _tables = [];
    private readonly List<TableRowReader> _touched = [];
    private int[] _rowTables = new int[256];
    private int _rowCount;

    public ChunkParser(SchemaCatalog catalog, JsonlIntakeOptions options)
    {
        _catalog = catalog;
        _options = options;
    }

    /// <summary>
    /// Parses every line of <paramref name="chunk"/> (and gives its buffer back to the pool). A failing line ends the
    /// chunk: its error is returned with the whole rows before it, not thrown, so the merge can put it in file order.
    /// </summary>
    public ParsedChunk Parse(ParseChunk chunk)
    {
        long lines = 0;
        long records = 0;
        ExceptionDispatchInfo? error = null;
        try
        {
            var bytes = chunk.Bytes;
            var lineNumber = chunk.FirstLine;
            var maxLineBytes = _options.MaxLineBytes;
            while (!bytes.IsEmpty)
            {
                var end = bytes.IndexOf((byte)'\n');
                var line = end < 0 ? bytes : bytes[..end];
                if (line.Length > maxLineBytes)
                {
                    throw IngestException.Limit(lineNumber, "line bytes", maxLineBytes, line.Length);
                }

                lines++;
                if (ReadLine(line, lineNumber, ref records) is { } table)
                {
                    AddRow(table);
                }

                lineNumber++;
                bytes = end < 0 ? default : bytes[(end + 1)..];
            }
        }
        catch (Exception exception)
        {
            error = ExceptionDispatchInfo.Capture(exception);
        }
        finally
        {
            chunk.Release();
        }

        var tables = new ChunkTable[_touched.Count];
        for (var i = 0; i < tables.Length; i++)
        {
            tables[i] = _touched[i].TakeChunk()!;
            _touched[i].ChunkIndex = -1;
        }

        _touched.Clear();

        // The row-table list goes with the result; the next chunk starts a new one of the same size.
        var parsed = new ParsedChunk(tables, _rowTables, _rowCount, lines, records, error);
        _rowTables = new int[_rowTables.Length];
        _rowCount = 0;
        return parsed;
    }

    private void AddRow(TableRowReader table)
    {
        if (table.ChunkIndex < 0)
        {
            table.ChunkIndex = _touched.Count;
            _touched.Add(table);
        }

        if (_rowCount == _rowTables.Length)
        {
            Array.Resize(ref _rowTables, _rowTables.Length * 2);
        }

        _rowTables[_rowCount++] = table.ChunkIndex;
    }

    /// <summary>Reads one physical line (without its LF); blank and whitespace-only lines are skipped (<c>null</c>).</summary>
    private TableRowReader? ReadLine(ReadOnlySpan<byte> line, long lineNumber, ref long records)
    {
        if (lineNumber == 1 && line.StartsWith("\uFEFF"u8))
        {
            // A UTF-8 byte order mark some editors write at the start of a file.
            line = line[3..];
        }

        if (line.IndexOfAnyExcept(s_jsonWhitespace) < 0)
        {
            return null;
        }

        records++;
        if (!Utf8.IsValid(line))
        {
            throw IngestException.InvalidJson(lineNumber, "the line is not valid UTF-8");
        }

        try
        {
            return ReadRecord(line, lineNumber);
        }
        catch (JsonException exception)
        {
            throw IngestException.InvalidJson(lineNumber, StrictJsonValidator.Describe(exception, line, s_readerOptions.MaxDepth), exception);
        }
        catch (IngestException)
        {
            // Records are read in one forward pass; a malformed line must still report its JSON error first.
            StrictJsonValidator.ThrowIfInvalid(line, lineNumber, s_readerOptions);
            throw;
        }
    }

    private TableRowReader GetTable(GraphElementType type)
    {
        if (!_tables.TryGetValue(type, out var table))
        {
            table = new TableRowReader(type, _options);
            _tables.Add(type, table);
        }

        return table;
    }
}
