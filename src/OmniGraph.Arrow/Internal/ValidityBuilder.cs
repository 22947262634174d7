using System.Runtime.CompilerServices;

namespace OmniGraph.Arrow.Internal;

/// <summary>
/// Builds a validity bitmap lazily: nothing is allocated until the first null, so columns without nulls
/// carry no bitmap at all (Arrow allows omitting it when the null count is zero).
/// </summary>
internal struct ValidityBuilder
{
    private byte[]? _bits;
    private int _length;
    private int _nullCount;

    public readonly int Length => _length;

    public readonly int NullCount => _nullCount;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AppendValid()
    {
        if (_bits is not null)
        {
            EnsureCapacity(_length + 1);
            BitUtility.SetBit(_bits, _length);
        }

        _length++;
    }

    public void AppendValid(int count)
    {
        if (_bits is not null)
        {
            EnsureCapacity(_length + count);
            BitUtility.SetBits(_bits, _length, count);
        }

        _length += count;
    }

    public void AppendNull()
    {
        Materialize(_length + 1);
        BitUtility.ClearBit(_bits!, _length);
        _length++;
        _nullCount++;
    }

    public void AppendNulls(int count)
    {
        Materialize(_length + count);
        for (var i = 0; i < count; i++)
        {
            BitUtility.ClearBit(_bits!, _length + i);
        }

        _length += count;
        _nullCount += count;
    }

    /// <summary>Returns the bitmap (empty when there were no nulls) and resets the builder.</summary>
    public (ReadOnlyMemory<byte> Bits, int NullCount) Detach()
    {
        ReadOnlyMemory<byte> bits = _nullCount == 0 || _bits is null
            ? ReadOnlyMemory<byte>.Empty
            : new ReadOnlyMemory<byte>(_bits, 0, (int)BitUtility.BytesForBits(_length));
        var nullCount = _nullCount;
        this = default;
        return (bits, nullCount);
    }

    private void Materialize(int requiredBits)
    {
        if (_bits is null)
        {
            _bits = new byte[Math.Max(BitUtility.BytesForBits(Math.Max(requiredBits, 64) * 2L), 8)];
            BitUtility.SetBits(_bits, 0, _length);
            return;
        }

        EnsureCapacity(requiredBits);
    }

    private void EnsureCapacity(int requiredBits)
    {
        var requiredBytes = BitUtility.BytesForBits(requiredBits);
        if (requiredBytes > _bits!.Length)
        {
            var grown = new byte[Math.Max(requiredBytes, _bits.Length * 2L)];
            _bits.CopyTo(grown, 0);
            _bits = grown;
        }
    }
}
