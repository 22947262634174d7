using System.Buffers.Binary;
using System.Text;
using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow.Ipc.FlatBuffers;

/// <summary>
/// A FlatBuffers table inside an untrusted buffer. Opening a table checks its vtable; every field, string,
/// vector and nested table it hands out is bounds-checked before use, so a malformed or hostile buffer ends in
/// an <see cref="OmniGraphException"/> with code <c>arrow_invalid_file</c>, never an out-of-range read.
/// References only point forward (unsigned offsets), so following them cannot loop.
/// </summary>
internal readonly ref struct FlatTable
{
    private static readonly Encoding s_strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _buffer;
    private readonly int _vtable;
    private readonly int _vtableSize;
    private readonly int _inlineSize;
    private readonly string _name;

    private FlatTable(ReadOnlySpan<byte> buffer, int position, int vtable, int vtableSize, int inlineSize, string name)
    {
        _buffer = buffer;
        Position = position;
        _vtable = vtable;
        _vtableSize = vtableSize;
        _inlineSize = inlineSize;
        _name = name;
    }

    /// <summary>Where the table starts within the buffer.</summary>
    public int Position { get; }

    /// <summary>Opens the root table of a finished buffer (the first four bytes reference it).</summary>
    public static FlatTable GetRoot(ReadOnlySpan<byte> buffer, string name)
    {
        if (buffer.Length < sizeof(uint))
        {
            ThrowHelper.ThrowInvalidFile($"{name} metadata is {buffer.Length} bytes, too short for a FlatBuffer.");
        }

        return Open(buffer, BinaryPrimitives.ReadUInt32LittleEndian(buffer), name);
    }

    /// <summary>Opens a table at <paramref name="position"/>, validating the table header and its vtable.</summary>
    public static FlatTable Open(ReadOnlySpan<byte> buffer, long position, string name)
    {
        if (position < 0 || position > buffer.Length - sizeof(int))
        {
            ThrowHelper.ThrowInvalidFile($"{name} table at {position} lies outside its {buffer.Length}-byte metadata.");
        }

        var tablePosition = (int)position;
        var vtable = tablePosition - (long)BinaryPrimitives.ReadInt32LittleEndian(buffer[tablePosition..]);
        if (vtable < 0 || vtable > buffer.Length - (2 * sizeof(ushort)))
        {
            ThrowHelper.ThrowInvalidFile($"{name} table at {tablePosition} has its vtable outside the metadata.");
        }

        var vtableSize = BinaryPrimitives.ReadUInt16LittleEndian(buffer[(int)vtable..]);
        var inlineSize = BinaryPrimitives.ReadUInt16LittleEndian(buffer[((int)vtable + sizeof(ushort))..]);
        if (vtableSize < 2 * sizeof(ushort) || (vtableSize & 1) != 0 || vtable + vtableSize > buffer.Length)
        {
            ThrowHelper.ThrowInvalidFile($"{name} table at {tablePosition} has a malformed vtable (size {vtableSize}).");
        }

        if (inlineSize < sizeof(int) || (long)tablePosition + inlineSize > buffer.Length)
        {
            ThrowHelper.ThrowInvalidFile($"{name} table at {tablePosition} declares {inlineSize} inline bytes, beyond the metadata.");
        }

        return new FlatTable(buffer, tablePosition, (int)vtable, vtableSize, inlineSize, name);
    }

    /// <summary>True when the field in <paramref name="slot"/> is present.</summary>
    public bool HasField(int slot) => FieldOffset(slot) != 0;

    public byte GetByte(int slot, byte defaultValue)
    {
        var position = FieldPosition(slot, sizeof(byte));
        return position < 0 ? defaultValue : _buffer[position];
    }

    public bool GetBool(int slot, bool defaultValue)
    {
        var position = FieldPosition(slot, sizeof(byte));
        return position < 0 ? defaultValue : _buffer[position] != 0;
    }

    public short GetInt16(int slot, short defaultValue)
    {
        var position = FieldPosition(slot, sizeof(short));
        return position < 0 ? defaultValue : BinaryPrimitives.ReadInt16LittleEndian(_buffer[position..]);
    }

    public int GetInt32(int slot, int defaultValue)
    {
        var position = FieldPosition(slot, sizeof(int));
        return position < 0 ? defaultValue : BinaryPrimitives.ReadInt32LittleEndian(_buffer[position..]);
    }

    public long GetInt64(int slot, long defaultValue)
    {
        var position = FieldPosition(slot, sizeof(long));
        return position < 0 ? defaultValue : BinaryPrimitives.ReadInt64LittleEndian(_buffer[position..]);
    }

    /// <summary>The table referenced from <paramref name="slot"/>, when present.</summary>
    public bool TryGetTable(int slot, string name, out FlatTable table)
    {
        var target = ReferenceTarget(slot);
        if (target < 0)
        {
            table = default;
            return false;
        }

        table = Open(_buffer, target, name);
        return true;
    }

    /// <summary>The position and byte length of the string in <paramref name="slot"/>, when present.</summary>
    public bool TryGetStringBytes(int slot, out int start, out int length)
    {
        var target = ReferenceTarget(slot);
        if (target < 0)
        {
            start = 0;
            length = 0;
            return false;
        }

        (start, length) = ReadStringAt(_buffer, target, _name);
        return true;
    }

    /// <summary>The string in <paramref name="slot"/>, or null when absent. Invalid UTF-8 is a format error.</summary>
    public string? GetString(int slot)
    {
        if (!TryGetStringBytes(slot, out var start, out var length))
        {
            return null;
        }

        return DecodeUtf8(_buffer.Slice(start, length), _name);
    }

    /// <summary>The vector in <paramref name="slot"/> whose elements are <paramref name="elementSize"/> bytes, when present.</summary>
    public bool TryGetVector(int slot, int elementSize, out FlatVector vector)
    {
        var target = ReferenceTarget(slot);
        if (target < 0)
        {
            vector = default;
            return false;
        }

        vector = FlatVector.Open(_buffer, target, elementSize, _name);
        return true;
    }

    internal static (int Start, int Length) ReadStringAt(ReadOnlySpan<byte> buffer, long position, string name)
    {
        if (position < 0 || position > buffer.Length - sizeof(uint))
        {
            ThrowHelper.ThrowInvalidFile($"A string of {name} lies outside the metadata.");
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(buffer[(int)position..]);
        var start = position + sizeof(uint);

        // The content plus its NUL terminator must fit.
        if (length >= (ulong)buffer.Length || start + length + 1 > buffer.Length || buffer[(int)(start + length)] != 0)
        {
            ThrowHelper.ThrowInvalidFile($"A string of {name} overruns the metadata or lacks its terminator.");
        }

        return ((int)start, (int)length);
    }

    internal static string DecodeUtf8(ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ThrowHelper.ThrowInvalidFile<string>($"A string of {name} is not valid UTF-8.");
        }
    }

    /// <summary>Position of a uoffset field's target, or -1 when the field is absent.</summary>
    private long ReferenceTarget(int slot)
    {
        var position = FieldPosition(slot, sizeof(uint));
        return position < 0 ? -1 : position + (long)BinaryPrimitives.ReadUInt32LittleEndian(_buffer[position..]);
    }

    private int FieldOffset(int slot)
    {
        var entry = sizeof(ushort) * (2 + slot);
        return entry + sizeof(ushort) > _vtableSize ? 0 : BinaryPrimitives.ReadUInt16LittleEndian(_buffer[(_vtable + entry)..]);
    }

    /// <summary>Absolute position of a field of <paramref name="size"/> bytes, or -1 when absent.</summary>
    private int FieldPosition(int slot, int size)
    {
        var offset = FieldOffset(slot);
        if (offset == 0)
        {
            return -1;
        }

        if (offset < sizeof(int) || offset + size > _inlineSize)
        {
            ThrowHelper.ThrowInvalidFile($"Field {slot} of the {_name} table at {Position} lies outside the table.");
        }

        return Position + offset;
    }
}
