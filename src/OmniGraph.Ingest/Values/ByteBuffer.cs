using System.Runtime.CompilerServices;

namespace OmniGraph.Ingest;

/// <summary>
/// A growable byte buffer for scratch work (unescaped strings, rendered keys, partial lines). It keeps its array
/// between uses so the steady state allocates nothing; <see cref="Release"/> drops an oversized array.
/// </summary>
internal sealed class ByteBuffer
{
    private byte[] _bytes;
    private int _length;

    public ByteBuffer(int initialCapacity = 256)
    {
        _bytes = new byte[initialCapacity];
    }

    public int Length => _length;

    public int Capacity => _bytes.Length;

    public ReadOnlySpan<byte> WrittenSpan => _bytes.AsSpan(0, _length);

    public ReadOnlySpan<byte> Slice(int start, int length) => _bytes.AsSpan(start, length);

    public void Clear() => _length = 0;

    /// <summary>Drops the array when it grew beyond <paramref name="keepCapacity"/> (after an unusually long line).</summary>
    public void Release(int keepCapacity)
    {
        _length = 0;
        if (_bytes.Length > keepCapacity)
        {
            _bytes = new byte[keepCapacity];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(byte value)
    {
        if (_length == _bytes.Length)
        {
            Grow(1);
        }

        _bytes[_length++] = value;
    }

    public void Append(ReadOnlySpan<byte> value)
    {
        if (_bytes.Length - _length < value.Length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_bytes.AsSpan(_length));
        _length += value.Length;
    }

    /// <summary>Returns room for <paramref name="maxLength"/> bytes at the end; commit what was written with <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int maxLength)
    {
        if (_bytes.Length - _length < maxLength)
        {
            Grow(maxLength);
        }

        return _bytes.AsSpan(_length, maxLength);
    }

    public void Advance(int count) => _length += count;

    private void Grow(int additional)
    {
        var required = (long)_length + additional;
        var capacity = Math.Max(Math.Min(_bytes.Length * 2L, Array.MaxLength), required);
        if (capacity > Array.MaxLength)
        {
            throw new InvalidOperationException("A scratch buffer cannot grow beyond the largest array.");
        }

        var grown = GC.AllocateUninitializedArray<byte>((int)capacity);
        _bytes.AsSpan(0, _length).CopyTo(grown);
        _bytes = grown;
    }
}
