using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow;

/// <summary>The shared offsets + data building of <see cref="Utf8ColumnBuilder"/> and <see cref="BinaryColumnBuilder"/>.</summary>
public abstract class VariableBinaryColumnBuilder : ArrowColumnBuilder
{
    private GrowableBuffer _offsets = new();
    private GrowableBuffer _data = new();
    private ValidityBuilder _validity;

    private protected VariableBinaryColumnBuilder(ArrowType type)
        : base(type)
    {
        _offsets.Append(0);
    }

    public override int Length => _validity.Length;

    public override int NullCount => _validity.NullCount;

    /// <summary>Total value bytes appended so far.</summary>
    public int DataLength => _data.Length;

    public override void AppendNull()
    {
        _offsets.Append(_data.Length);
        _validity.AppendNull();
    }

    public override void AppendNulls(int count)
    {
        CheckCount(count);
        for (var i = 0; i < count; i++)
        {
            AppendNull();
        }
    }

    public override void AppendEmptyValues(int count)
    {
        CheckCount(count);
        for (var i = 0; i < count; i++)
        {
            AppendValue([]);
        }
    }

    private protected void AppendValue(ReadOnlySpan<byte> value)
    {
        _data.Append(value);
        _offsets.Append(_data.Length);
        _validity.AppendValid();
    }

    /// <summary>Reserves room for a value of at most <paramref name="maxLength"/> bytes; finish with <see cref="CommitValue"/>.</summary>
    private protected Span<byte> ReserveValue(int maxLength) => _data.Reserve(maxLength);

    private protected void CommitValue(int length)
    {
        _data.Advance(length);
        _offsets.Append(_data.Length);
        _validity.AppendValid();
    }

    private protected (int Length, ReadOnlyMemory<byte> Offsets, ReadOnlyMemory<byte> Data, ReadOnlyMemory<byte> Validity, int NullCount) DetachBuffers()
    {
        var length = _validity.Length;
        var (bits, nulls) = _validity.Detach();
        var offsets = _offsets.Detach();
        var data = _data.Detach();
        _offsets.Append(0);
        return (length, offsets, data, bits, nulls);
    }
}
