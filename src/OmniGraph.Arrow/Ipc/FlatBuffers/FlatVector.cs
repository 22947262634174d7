using System.Buffers.Binary;
using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow.Ipc.FlatBuffers;

/// <summary>A bounds-checked FlatBuffers vector: its declared length was checked against the buffer when opened.</summary>
internal readonly ref struct FlatVector
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly int _start;
    private readonly int _elementSize;
    private readonly string _name;

    private FlatVector(ReadOnlySpan<byte> buffer, int start, int count, int elementSize, string name)
    {
        _buffer = buffer;
        _start = start;
        Count = count;
        _elementSize = elementSize;
        _name = name;
    }

    public int Count { get; }

    public static FlatVector Open(ReadOnlySpan<byte> buffer, long position, int elementSize, string name)
    {
        if (position < 0 || position > buffer.Length - sizeof(uint))
        {
            ThrowHelper.ThrowInvalidFile($"A vector of {name} lies outside the metadata.");
        }

        var count = BinaryPrimitives.ReadUInt32LittleEndian(buffer[(int)position..]);
        var start = position + sizeof(uint);

        // Checked in 64 bits: a huge declared count is rejected before anything is allocated for it.
        if ((long)count * elementSize > buffer.Length - start)
        {
            ThrowHelper.ThrowInvalidFile($"A vector of {name} declares {count} elements, more than the metadata holds.");
        }

        return new FlatVector(buffer, (int)start, (int)count, elementSize, name);
    }

    /// <summary>The table referenced by element <paramref name="index"/> (a vector of tables).</summary>
    public FlatTable GetTable(int index, string name)
    {
        var element = ElementPosition(index);
        return FlatTable.Open(_buffer, element + (long)BinaryPrimitives.ReadUInt32LittleEndian(_buffer[element..]), name);
    }

    /// <summary>A 64-bit field at <paramref name="fieldOffset"/> inside struct element <paramref name="index"/>.</summary>
    public long GetStructInt64(int index, int fieldOffset) =>
        BinaryPrimitives.ReadInt64LittleEndian(_buffer[(ElementPosition(index) + fieldOffset)..]);

    /// <summary>A 32-bit field at <paramref name="fieldOffset"/> inside struct element <paramref name="index"/>.</summary>
    public int GetStructInt32(int index, int fieldOffset) =>
        BinaryPrimitives.ReadInt32LittleEndian(_buffer[(ElementPosition(index) + fieldOffset)..]);

    private int ElementPosition(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            ThrowHelper.ThrowIndexOutOfRange(index, Count);
        }

        return _start + (index * _elementSize);
    }
}
