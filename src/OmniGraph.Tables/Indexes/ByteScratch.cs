using System.Buffers.Binary;

namespace OmniGraph.Tables.Indexes;

/// <summary>A reusable growable byte buffer for building keys (one per user; not thread-safe).</summary>
internal sealed class ByteScratch
{
    private byte[] _buffer = new byte[64];
    private int _length;

    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Reset() => _length = 0;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void AppendByte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    public void AppendInt32(int value)
    {
        Ensure(sizeof(int));
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), value);
        _length += sizeof(int);
    }

    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
        }
    }
}
