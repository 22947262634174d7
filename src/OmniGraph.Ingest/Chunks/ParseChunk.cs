using System.Buffers;

namespace OmniGraph.Ingest;

/// <summary>
/// A run of whole input lines, copied into a pooled buffer so any parse lane can read it: the unit the intake parses in
/// parallel. Every line ends with a line feed, except the file's last line when it has none.
/// </summary>
internal sealed class ParseChunk
{
    private byte[]? _buffer;

    /// <summary>Copies <paramref name="prefix"/> and <paramref name="lines"/> into a pooled buffer.</summary>
    /// <param name="prefix">The start of the first line that an earlier input piece carried (no line feed in it).</param>
    /// <param name="lines">Whole lines.</param>
    /// <param name="firstLine">The 1-based input line number of the first line.</param>
    public ParseChunk(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> lines, long firstLine)
    {
        Length = prefix.Length + lines.Length;
        _buffer = ArrayPool<byte>.Shared.Rent(Length);
        prefix.CopyTo(_buffer);
        lines.CopyTo(_buffer.AsSpan(prefix.Length));
        FirstLine = firstLine;
    }

    public int Length { get; }

    public long FirstLine { get; }

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Length);

    /// <summary>Gives the buffer back to the pool once the chunk is parsed (or will never be).</summary>
    public void Release()
    {
        var buffer = _buffer;
        _buffer = null;
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
