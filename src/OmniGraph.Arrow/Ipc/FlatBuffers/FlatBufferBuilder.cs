using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace OmniGraph.Arrow.Ipc.FlatBuffers;

/// <summary>
/// A minimal FlatBuffers builder for the Arrow IPC metadata (Schema, Message, Footer). Like the reference
/// builders it fills a buffer from the back, so every object a table refers to already exists when the table is
/// written and every reference is a forward (unsigned) offset. Objects are identified by their distance from the
/// end of the buffer, which stays stable while the buffer grows. Scalars are always written, defaults included.
/// </summary>
internal sealed class FlatBufferBuilder
{
    private const int MaxSlots = 16;

    private readonly int[] _slotOffsets = new int[MaxSlots];
    private byte[] _buffer;
    private int _space;
    private int _minAlign = 1;
    private int _tableStart = -1;
    private int _tableSlotCount;

    public FlatBufferBuilder(int initialCapacity = 256)
    {
        _buffer = new byte[Math.Max(initialCapacity, 16)];
        _space = _buffer.Length;
    }

    /// <summary>Bytes written so far; also the reference ("offset from the end") of the object written last.</summary>
    public int Offset => _buffer.Length - _space;

    /// <summary>Creates a string (length, UTF-8 bytes, NUL terminator) and returns its reference.</summary>
    public int CreateString(string value) => CreateString(Encoding.UTF8.GetBytes(value));

    /// <summary>Creates a string from UTF-8 bytes and returns its reference.</summary>
    public int CreateString(ReadOnlySpan<byte> utf8)
    {
        CheckNotInTable();
        Prep(sizeof(int), utf8.Length + 1);
        PutByte(0);
        _space -= utf8.Length;
        utf8.CopyTo(_buffer.AsSpan(_space));
        PutInt32(utf8.Length);
        return Offset;
    }

    /// <summary>Creates a vector of references (tables or strings), given in element order.</summary>
    public int CreateOffsetVector(ReadOnlySpan<int> references)
    {
        CheckNotInTable();
        Prep(sizeof(int), references.Length * sizeof(int));
        for (var i = references.Length - 1; i >= 0; i--)
        {
            AddOffset(references[i]);
        }

        PutInt32(references.Length);
        return Offset;
    }

    /// <summary>
    /// Starts a vector of <paramref name="count"/> inline structs of <paramref name="structSize"/> bytes aligned to
    /// <paramref name="alignment"/>. Push the structs last-to-first with the Put methods, then call <see cref="EndVector"/>.
    /// </summary>
    public void StartStructVector(int structSize, int count, int alignment)
    {
        CheckNotInTable();
        var bytes = checked(structSize * count);
        Prep(sizeof(int), bytes);
        Prep(alignment, bytes);
    }

    public int EndVector(int count)
    {
        PutInt32(count);
        return Offset;
    }

    public void StartTable(int slotCount)
    {
        CheckNotInTable();
        if (slotCount > MaxSlots)
        {
            throw new ArgumentOutOfRangeException(nameof(slotCount), slotCount, $"At most {MaxSlots} fields per table.");
        }

        Array.Clear(_slotOffsets, 0, slotCount);
        _tableSlotCount = slotCount;
        _tableStart = Offset;
    }

    public void AddBool(int slot, bool value) => AddByte(slot, value ? (byte)1 : (byte)0);

    public void AddByte(int slot, byte value) => AddScalar(slot, value);

    public void AddInt16(int slot, short value) => AddScalar(slot, value);

    public void AddInt32(int slot, int value) => AddScalar(slot, value);

    public void AddInt64(int slot, long value) => AddScalar(slot, value);

    /// <summary>Adds a reference to an object created earlier (a table, string or vector).</summary>
    public void AddOffset(int slot, int reference)
    {
        AddOffset(reference);
        MarkSlot(slot);
    }

    /// <summary>Adds <paramref name="reference"/> unless it is 0 (the object was not written), leaving the field absent then.</summary>
    public void AddOptionalOffset(int slot, int reference)
    {
        if (reference != 0)
        {
            AddOffset(slot, reference);
        }
    }

    /// <summary>Finishes the table: writes its vtable just below it and returns the table's reference.</summary>
    public int EndTable()
    {
        if (_tableStart < 0)
        {
            throw new InvalidOperationException("EndTable without StartTable.");
        }

        Prep(sizeof(int), 0);
        PutInt32(0);
        var table = Offset;
        var slotCount = _tableSlotCount;
        while (slotCount > 0 && _slotOffsets[slotCount - 1] == 0)
        {
            slotCount--;
        }

        for (var slot = slotCount - 1; slot >= 0; slot--)
        {
            PutInt16(_slotOffsets[slot] == 0 ? (short)0 : checked((short)(table - _slotOffsets[slot])));
        }

        PutInt16(checked((short)(table - _tableStart)));
        PutInt16(checked((short)((slotCount + 2) * sizeof(short))));
        var vtable = Offset;

        // The vtable lies below the table, so table position - vtable position = vtable - table (in end-relative terms) > 0.
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_buffer.Length - table), vtable - table);
        _tableStart = -1;
        return table;
    }

    /// <summary>Writes the root reference and returns the finished buffer (a copy of exactly its bytes).</summary>
    public byte[] Finish(int rootTable)
    {
        CheckNotInTable();
        Prep(_minAlign, sizeof(int));
        AddOffset(rootTable);
        return _buffer.AsSpan(_space).ToArray();
    }

    /// <summary>Position, within the finished buffer, of the first content byte of the string with reference <paramref name="stringReference"/>.</summary>
    public static int StringContentPosition(int finishedLength, int stringReference) => finishedLength - stringReference + sizeof(int);

    public void PutByte(byte value) => Put(value);

    public void PutInt16(short value) => Put(value);

    public void PutInt32(int value) => Put(value);

    public void PutInt64(long value) => Put(value);

    /// <summary>Writes <paramref name="value"/> little-endian just below what is written so far (no alignment).</summary>
    private void Put<T>(T value)
        where T : unmanaged, IBinaryInteger<T>
    {
        var size = Unsafe.SizeOf<T>();
        Ensure(size);
        _space -= size;
        // TryWriteLittleEndian is implemented by each integer type itself, so this call neither boxes nor dispatches.
        value.TryWriteLittleEndian(_buffer.AsSpan(_space), out _);
    }

    /// <summary>Writes a scalar table field aligned to its size and records it for <paramref name="slot"/>.</summary>
    private void AddScalar<T>(int slot, T value)
        where T : unmanaged, IBinaryInteger<T>
    {
        Prep(Unsafe.SizeOf<T>(), 0);
        Put(value);
        MarkSlot(slot);
    }

    private void AddOffset(int reference)
    {
        Prep(sizeof(int), 0);
        if (reference <= 0 || reference > Offset)
        {
            throw new ArgumentOutOfRangeException(nameof(reference), reference, "Not a reference to an object already in this buffer.");
        }

        PutInt32(Offset - reference + sizeof(int));
    }

    private void MarkSlot(int slot)
    {
        if ((uint)slot >= (uint)_tableSlotCount)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot, "Slot outside the table being built.");
        }

        _slotOffsets[slot] = Offset;
    }

    /// <summary>Pads so that, after <paramref name="additionalBytes"/> more bytes, the next write of <paramref name="size"/> bytes is aligned.</summary>
    private void Prep(int size, int additionalBytes)
    {
        if (size > _minAlign)
        {
            _minAlign = size;
        }

        var padding = (-(Offset + additionalBytes)) & (size - 1);
        Ensure(padding + size + additionalBytes);
        for (var i = 0; i < padding; i++)
        {
            _buffer[--_space] = 0;
        }
    }

    private void Ensure(int bytes)
    {
        if (_space >= bytes)
        {
            return;
        }

        var used = Offset;
        var capacity = Math.Max(_buffer.Length * 2L, used + (long)bytes + 16);
        if (capacity > Array.MaxLength)
        {
            throw new InvalidOperationException("FlatBuffer metadata larger than 2 GiB.");
        }

        var grown = new byte[capacity];
        _buffer.AsSpan(_space).CopyTo(grown.AsSpan((int)capacity - used));
        _buffer = grown;
        _space = (int)capacity - used;
    }

    private void CheckNotInTable()
    {
        if (_tableStart >= 0)
        {
            throw new InvalidOperationException("Objects must be created before StartTable or after EndTable.");
        }
    }
}
