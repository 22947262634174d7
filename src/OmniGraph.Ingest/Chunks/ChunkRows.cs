namespace OmniGraph.Ingest;

/// <summary>
/// What the in-order merge needs of each row one parse lane read for one table in one chunk, beyond its column values:
/// the input line, the id text (a <c>@key</c> rendering or <c>data.id</c>; none when the merge mints one), one canonical
/// tuple per <c>@unique</c> constraint (none when a member is null) and the row's variable-length bytes. The texts live
/// in one arena; a chunk's rows are appended by its lane and then only read.
/// </summary>
internal sealed class ChunkRows
{
    private readonly int _tuplesPerRow;
    private readonly ByteBuffer _texts;
    private long[] _lines;
    private long[] _variableBytes;
    private int[] _idStarts;
    private int[] _idLengths;
    private int[] _tupleStarts;
    private int[] _tupleLengths;

    /// <param name="tuplesPerRow">The table's <c>@unique</c> constraints.</param>
    /// <param name="capacityHint">Rows expected (the previous chunk's count), so a steady load allocates each array once.</param>
    /// <param name="textBytesHint">Text bytes expected, likewise.</param>
    public ChunkRows(int tuplesPerRow, int capacityHint, int textBytesHint)
    {
        _tuplesPerRow = tuplesPerRow;
        var capacity = Math.Max(capacityHint, 16);
        _texts = new ByteBuffer(Math.Max(textBytesHint, 256));
        _lines = new long[capacity];
        _variableBytes = new long[capacity];
        _idStarts = new int[capacity];
        _idLengths = new int[capacity];
        _tupleStarts = new int[capacity * tuplesPerRow];
        _tupleLengths = new int[capacity * tuplesPerRow];
    }

    public int Count { get; private set; }

    /// <summary>Bytes of id and tuple text held.</summary>
    public int TextBytes => _texts.Length;

    public long Line(int row) => _lines[row];

    public long VariableBytes(int row) => _variableBytes[row];

    /// <summary>The row's id, or <c>false</c> when the merge is to mint one.</summary>
    public bool TryGetId(int row, out ReadOnlySpan<byte> id)
    {
        var length = _idLengths[row];
        id = length < 0 ? default : _texts.Slice(_idStarts[row], length);
        return length >= 0;
    }

    /// <summary>The row's tuple for unique constraint <paramref name="unique"/>, or <c>false</c> when it is exempt (a null member).</summary>
    public bool TryGetTuple(int row, int unique, out ReadOnlySpan<byte> tuple)
    {
        var slot = (row * _tuplesPerRow) + unique;
        var length = _tupleLengths[slot];
        tuple = length < 0 ? default : _texts.Slice(_tupleStarts[slot], length);
        return length >= 0;
    }

    /// <summary>Starts the next row with its id (<paramref name="hasId"/> <c>false</c>: to be minted by the merge).</summary>
    public void StartRow(long line, bool hasId, ReadOnlySpan<byte> id)
    {
        var row = Count;
        if (row == _lines.Length)
        {
            Grow();
        }

        _lines[row] = line;
        if (hasId)
        {
            _idStarts[row] = _texts.Length;
            _idLengths[row] = id.Length;
            _texts.Append(id);
        }
        else
        {
            _idLengths[row] = -1;
        }
    }

    /// <summary>Sets the current row's tuple for unique constraint <paramref name="unique"/> (<paramref name="exempt"/>: a null member).</summary>
    public void SetTuple(int unique, bool exempt, ReadOnlySpan<byte> tuple)
    {
        var slot = (Count * _tuplesPerRow) + unique;
        if (exempt)
        {
            _tupleLengths[slot] = -1;
            return;
        }

        _tupleStarts[slot] = _texts.Length;
        _tupleLengths[slot] = tuple.Length;
        _texts.Append(tuple);
    }

    /// <summary>Completes the current row.</summary>
    public void EndRow(long variableBytes)
    {
        _variableBytes[Count] = variableBytes;
        Count++;
    }

    private void Grow()
    {
        var capacity = _lines.Length * 2;
        Array.Resize(ref _lines, capacity);
        Array.Resize(ref _variableBytes, capacity);
        Array.Resize(ref _idStarts, capacity);
        Array.Resize(ref _idLengths, capacity);
        Array.Resize(ref _tupleStarts, capacity * _tuplesPerRow);
        Array.Resize(ref _tupleLengths, capacity * _tuplesPerRow);
    }
}
