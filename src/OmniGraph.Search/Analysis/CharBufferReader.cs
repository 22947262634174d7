namespace OmniGraph.Search;

/// <summary>A reusable <see cref="TextReader"/> over a character buffer, so analyzing a row needs no string.</summary>
internal sealed class CharBufferReader : TextReader
{
    private char[] _buffer = [];
    private int _length;
    private int _position;

    public void Reset(char[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
        _position = 0;
    }

    public override int Peek() => _position < _length ? _buffer[_position] : -1;

    public override int Read() => _position < _length ? _buffer[_position++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        var n = Math.Min(count, _length - _position);
        if (n <= 0)
        {
            return 0;
        }

        Array.Copy(_buffer, _position, buffer, index, n);
        _position += n;
        return n;
    }

    public override int Read(Span<char> buffer)
    {
        var n = Math.Min(buffer.Length, _length - _position);
        if (n <= 0)
        {
            return 0;
        }

        _buffer.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
