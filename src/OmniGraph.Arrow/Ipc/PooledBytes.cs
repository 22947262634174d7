using System.Buffers;

namespace OmniGraph.Arrow.Ipc;

/// <summary>
/// Bytes written into an array rented from <see cref="ArrayPool{T}.Shared"/>: an output whose life ends with one call
/// (a fragment file handed to a store) gives its array back with <see cref="Dispose"/> instead of leaving a large-object
/// array to the next full collection. Not disposing is safe: the array is then simply collected.
/// </summary>
public sealed class PooledBytes : IBufferWriter<byte>, IDisposable
{
    private byte[] _array;
    private int _length;

    /// <summary>Rents room for at least <paramref name="capacity"/> bytes.</summary>
    public PooledBytes(int capacity) => _array = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));

    /// <summary>The bytes written so far; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> WrittenMemory
    {
        get
        {
            ObjectDisposedException.ThrowIf(_length < 0, this);
            return _array.AsMemory(0, _length);
        }
    }

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _array.Length - _length);
        _length += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        // Ensure first: it may replace the array.
        var room = Ensure(sizeHint);
        return _array.AsMemory(_length, room);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var room = Ensure(sizeHint);
        return _array.AsSpan(_length, room);
    }

    /// <summary>Gives the array back to the pool; the bytes must no longer be used by anyone.</summary>
    public void Dispose()
    {
        if (_length >= 0)
        {
            var array = _array;
            _array = [];
            _length = -1;
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    /// <summary>Makes room for <paramref name="sizeHint"/> more bytes (at least one) and returns the room there is.</summary>
    private int Ensure(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_length < 0, this);
        var needed = Math.Max(sizeHint, 1);
        if (_array.Length - _length < needed)
        {
            // An estimate that fell short: one larger array, the written bytes copied over, the old one given back.
            var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(2L * _array.Length, (long)_length + needed), Array.MaxLength));
            _array.AsSpan(0, _length).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_array);
            _array = grown;
        }

        return _array.Length - _length;
    }
}
