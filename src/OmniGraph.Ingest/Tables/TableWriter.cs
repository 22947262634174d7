using System.Collections.Immutable;
using OmniGraph.Arrow;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>
/// The in-order side of one table: takes the rows the parse lanes read (<see cref="ChunkTable"/>), strictly in file
/// order, and does everything that depends on earlier rows: ids minted in file order, the within-file id and
/// <c>@unique</c> rules, and a fragment cut whenever the pending rows reach the configured size. A fragment's columns are
/// the slices of the chunk columns its rows came from, concatenated; its id column is built here. Whatever the number
/// of lanes, the same input gives the same fragments, errors and facts. After any error the writer is abandoned with the
/// whole intake.
/// </summary>
internal sealed partial class TableWriter
{
    private const int InitialLineCapacity = 1024;

    /// <summary>
    /// Ids reserved at a time for rows without one: one clock read and one lock per range instead of per row. Fixed (not
    /// sized by chunk), so the ids a table gets depend on its rows alone, never on how the input was cut into chunks.
    /// </summary>
    internal const int MintRange = 4096;

    private readonly TableShape _shape;
    private readonly LoadMode _mode;
    private readonly Func<int, Ulid> _reserveIds;
    private readonly Queue<IntakeFragment> _output;
    private readonly int _fragmentMaxRows;
    private readonly long _fragmentMaxBytes;
    private readonly UniqueTracker[] _uniques;
    private readonly Utf8ColumnBuilder _ids = new();
    private readonly Utf8KeySet _idSet = new();
    private readonly ByteBuffer _idText = new(64);

    // The pending fragment's rows as runs of chunk rows: (chunk columns, first row, row count), in file order.
    private readonly List<(ArrowColumn?[] Columns, int Start, int Count)> _pieces = [];
    private readonly List<ArrowColumn> _slices = [];
    private ArrowColumn?[]? _pieceColumns;
    private int _pieceStart;
    private int _pieceCount;
    private readonly List<int> _fragmentStarts = [];
    private readonly List<(int RowOrdinal, long Line, long ReplacedByLine)> _superseded = [];
    private HashSet<int>? _supersededOrdinals;

    private long _line;
    private long[] _lines;
    private int _fragmentRows;
    private long _fragmentVariableBytes;
    private int _fragmentIndex;
    private int _totalRows;
    private int _generatedIds;
    private Ulid _nextMinted;
    private int _mintedLeft;

    /// <summary>A writer for one table; <paramref name="reserveIds"/> reserves consecutive ids and returns the first (<see cref="Ulid.NewUlidRange(int)"/>).</summary>
    public TableWriter(TableShape shape, LoadMode mode, JsonlIntakeOptions options, Func<int, Ulid> reserveIds, Queue<IntakeFragment> output)
    {
        _shape = shape;
        _mode = mode;
        _reserveIds = reserveIds;
        _output = output;
        _fragmentMaxRows = options.FragmentMaxRows;
        _fragmentMaxBytes = options.FragmentMaxBytes;
        _lines = new long[Math.Min(InitialLineCapacity, _fragmentMaxRows)];
        _uniques = [.. shape.Uniques.Select(static u => new UniqueTracker(u))];
    }

    public GraphElementType Type => _shape.Type;

    public string TableName => _shape.TableName;

    public bool IsEdge => _shape.IsEdge;

    /// <summary>
    /// Takes row <paramref name="row"/> of <paramref name="chunk"/>, the next row of this table in file order: its id
    /// (the chunk's text, or a new ULID), the within-file id and unique rules, and a fragment cut when it fills one.
    /// </summary>
    public void MergeRow(ChunkTable chunk, int row)
    {
        var rows = chunk.Rows;
        _line = rows.Line(row);
        if (_totalRows == int.MaxValue)
        {
            throw IngestException.Limit(_line, $"rows of {TableName} per load", int.MaxValue, (long)int.MaxValue + 1);
        }

        var rowOrdinal = _totalRows;
        if (rows.TryGetId(row, out var id))
        {
            TrackId(id, rowOrdinal);
        }
        else
        {
            id = MintId();
        }

        for (var u = 0; u < _uniques.Length; u++)
        {
            if (rows.TryGetTuple(row, u, out var tuple))
            {
                CheckUnique(_uniques[u], tuple, id, rowOrdinal);
            }
        }

        _ids.Append(id);
        AddToPiece(chunk.Columns, row);
        if (_fragmentRows == _lines.Length)
        {
            Array.Resize(ref _lines, (int)Math.Min((long)_lines.Length * 2, _fragmentMaxRows));
        }

        _lines[_fragmentRows++] = _line;
        _totalRows++;
        _fragmentVariableBytes += id.Length + rows.VariableBytes(row);
        if (_fragmentRows >= _fragmentMaxRows || ((long)_fragmentRows * _shape.FixedRowWidth) + _fragmentVariableBytes >= _fragmentMaxBytes)
        {
            Flush();
        }
    }

    /// <summary>Emits the pending rows as a fragment (nothing when there are none).</summary>
    public void Flush()
    {
        if (_fragmentRows == 0)
        {
            return;
        }

        ClosePiece();
        var layout = _shape.Layout;
        var columns = new ArrowColumn[layout.ColumnCount];
        columns[TableLayout.IdColumnIndex] = _ids.Build();
        for (var c = 0; c < columns.Length; c++)
        {
            if (c != TableLayout.IdColumnIndex)
            {
                columns[c] = JoinPieces(c);
            }
        }

        _pieces.Clear();
        var firstRow = _totalRows - _fragmentRows;
        _fragmentStarts.Add(firstRow);
        var batch = new RecordBatch(_shape.BatchSchema, columns, _fragmentRows);
        var estimatedBytes = ((long)_fragmentRows * _shape.FixedRowWidth) + _fragmentVariableBytes;
        _output.Enqueue(new IntakeFragment(layout, batch, _fragmentIndex++, firstRow, new ReadOnlyMemory<long>(_lines, 0, _fragmentRows), estimatedBytes));

        // The line array now belongs to the fragment; the id builder was emptied by Build. The next fragment of a large
        // table fills up like this one: start at its size rather than doubling up to it again (a trail of large-object
        // arrays per fragment).
        _lines = new long[Math.Min(Math.Max(InitialLineCapacity, _fragmentRows), _fragmentMaxRows)];
        _fragmentRows = 0;
        _fragmentVariableBytes = 0;
    }

    /// <summary>The table's facts after its last row (call after <see cref="Flush"/>).</summary>
    public TableIntakeSummary BuildSummary()
    {
        var superseded = ImmutableArray.CreateBuilder<SupersededRow>(_superseded.Count);
        foreach (var (rowOrdinal, line, replacedBy) in _superseded.OrderBy(static s => s.RowOrdinal))
        {
            var fragment = _fragmentStarts.BinarySearch(rowOrdinal);
            if (fragment < 0)
            {
                fragment = ~fragment - 1;
            }

            superseded.Add(new SupersededRow(rowOrdinal, fragment, rowOrdinal - _fragmentStarts[fragment], line, replacedBy));
        }

        var uniqueValues = _uniques.Select(u => new UniqueValueIndex(u.Constraint, u.Tuples, IsSuperseded)).ToImmutableArray();
        return new TableIntakeSummary(_shape.Layout, _totalRows, _fragmentIndex, _idSet, _generatedIds, superseded.MoveToImmutable(), uniqueValues);
    }

    private void AddToPiece(ArrowColumn?[] columns, int row)
    {
        if (ReferenceEquals(_pieceColumns, columns) && _pieceStart + _pieceCount == row)
        {
            _pieceCount++;
            return;
        }

        ClosePiece();
        (_pieceColumns, _pieceStart, _pieceCount) = (columns, row, 1);
    }

    private void ClosePiece()
    {
        if (_pieceColumns is not null)
        {
            _pieces.Add((_pieceColumns, _pieceStart, _pieceCount));
            _pieceColumns = null;
        }
    }

    /// <summary>
    /// Column <paramref name="column"/> of the pending rows: a chunk column as it is when the rows are all of it,
    /// otherwise the rows' slices copied into one column of their own (so a fragment keeps no chunk memory alive).
    /// </summary>
    private ArrowColumn JoinPieces(int column)
    {
        if (_pieces.Count == 1)
        {
            var (columns, start, count) = _pieces[0];
            var whole = columns[column]!;
            return start == 0 && count == whole.Length ? whole : whole.Slice(start, count).Compact();
        }

        _slices.Clear();
        foreach (var (columns, start, count) in _pieces)
        {
            _slices.Add(columns[column]!.Slice(start, count));
        }

        var joined = ArrowColumn.Concatenate(_slices);
        _slices.Clear();
        return joined;
    }

    private ReadOnlySpan<byte> MintId()
    {
        if (_mintedLeft == 0)
        {
            _nextMinted = _reserveIds(MintRange);
            _mintedLeft = MintRange;
        }

        _generatedIds++;
        _idText.Clear();
        _nextMinted.TryFormatUtf8(_idText.GetSpan(Ulid.Length), out var written);
        _idText.Advance(written);
        _nextMinted = _nextMinted.Plus(1);
        _mintedLeft--;
        return _idText.WrittenSpan;
    }

    private void TrackId(ReadOnlySpan<byte> id, int rowOrdinal)
    {
        if (_idSet.TryAdd(id, rowOrdinal, _line, out var index))
        {
            return;
        }

        var first = _idSet.GetEntry(index);
        if (_shape.IsKeyed)
        {
            ThrowDuplicateKey(id, first.Line);
        }

        if (_mode != LoadMode.Merge)
        {
            throw IngestException.KeyConflict(_line, TableName, JsonStrings.Excerpt(id, int.MaxValue), first.Line);
        }

        // Merge: the later row replaces the earlier one (last write wins).
        _superseded.Add((first.RowOrdinal, first.Line, _line));
        (_supersededOrdinals ??= []).Add(first.RowOrdinal);
        _idSet.SetHolder(index, rowOrdinal, _line);
    }

    private void CheckUnique(UniqueTracker unique, ReadOnlySpan<byte> tuple, ReadOnlySpan<byte> id, int rowOrdinal)
    {
        var tuples = unique.Tuples;
        if (!tuples.TryAdd(tuple, rowOrdinal, _line, out var index))
        {
            var holder = tuples.GetEntry(index);
            if (!IsSuperseded(holder.RowOrdinal))
            {
                ThrowUniqueViolation(unique, tuple, tuples.GetAttached(index), holder.Line, id);
            }

            // The earlier holder was replaced by a later row of the same id: the value is free again.
            tuples.SetHolder(index, rowOrdinal, _line);
        }

        tuples.SetAttached(index, id);
    }

    private bool IsSuperseded(int rowOrdinal) => _supersededOrdinals is not null && _supersededOrdinals.Contains(rowOrdinal);
}
