using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OmniGraph.Arrow.Internal;

/// <summary>
/// An append-only byte buffer that doubles as it grows, used by the column builders. Its array becomes the
/// built column's memory without a copy, so it is a mutable struct held by exactly one builder field.
/// </summary>
internal struct GrowableBuffer
{
    private byte[] _bytes;
    private int _length;

    // The size of the last detached buffer: a builder fills batch after batch of similar size, so the next buffer starts
    // there instead of doubling up from nothing (which leaves a trail of discarded buffers on the large object heap).
    private int _lastDetached;

    public GrowableBuffer()
    {
        _bytes = [];
        _length = 0;
        _lastDetached = 0;
    }

    public readonly int Length => _length;

    public readonly Span<byte> WrittenSpan => _bytes.AsSpan(0, _length);

    /// <summary>Makes room for <paramref name="additional"/> more bytes and returns the span to write them into.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Reserve(int additional)
    {
        if (_bytes.Length - _length < additional)
        {
            Grow(additional);
        }

        return _bytes.AsSpan(_length, additional);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(int count) => _length += count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append<T>(T value)
        where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        if (_bytes.Length - _length < size)
        {
            Grow(size);
        }

        Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bytes), _length), value);
        _length += size;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _length += bytes.Length;
    }

    /// <summary>Appends <paramref name="count"/> zero bytes.</summary>
    public void AppendZeros(int count)
    {
        Reserve(count).Clear();
        _length += count;
    }

    /// <summary>Appends <paramref name="count"/> copies of <paramref name="value"/>.</summary>
    public void AppendRepeated<T>(T value, int count)
        where T : unmanaged
    {
        var bytes = (long)count * Unsafe.SizeOf<T>();
        if (bytes > Array.MaxLength)
        {
            ThrowHelper.ThrowColumnTooLarge();
        }

        MemoryMarshal.Cast<byte, T>(Reserve((int)bytes)).Fill(value);
        _length += (int)bytes;
    }

    /// <summary>Hands the written bytes over (no copy) and leaves the buffer empty.</summary>
    public ReadOnlyMemory<byte> Detach()
    {
        var memory = new ReadOnlyMemory<byte>(_bytes, 0, _length);
        _lastDetached = _length;
        _bytes = [];
        _length = 0;
        return memory;
    }

    private void Grow(int additional)
    {
        var required = (long)_length + additional;
        if (required > Array.MaxLength)
        {
            ThrowHelper.ThrowColumnTooLarge();
        }

        var capacity = Math.Max(Math.Max(_bytes.Length * 2L, required), 64);
        if (_bytes.Length == 0 && _lastDetached > 0)
        {
            // A sixteenth of headroom absorbs the usual variation between batches without a doubling.
            capacity = Math.Max(capacity, _lastDetached + (_lastDetached >> 4));
        }

        var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(capacity, Array.MaxLength));
        _bytes.AsSpan(0, _length).CopyTo(grown);
        _bytes = grown;
    }
}
