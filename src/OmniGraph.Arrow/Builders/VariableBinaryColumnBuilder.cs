using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow;

/// <summary>The shared offsets + data building of <see cref="Utf8ColumnBuilder"/> and <see cref="BinaryColumnBuilder"/>.</summary>
public abstract class VariableBinaryColumnBuilder : ArrowColumnBuilder
{
    private OffsetsBuilder _offsets = new();
    private GrowableBuffer _data = new();

    private protected VariableBinaryColumnBuilder(ArrowType type)
        : base(type)
    {
    }

    /// <summary>Total value bytes appended so far.</summary>
    public int DataLength => _data.Length;

    public override void AppendNull()
    {
        _offsets.AppendStart(_data.Length);
        _validity.AppendNull();
    }

    private protected void AppendValue(ReadOnlySpan<byte> value)
    {
        // The data goes first: when it cannot grow, nothing has been recorded yet.
        var start = _data.Length;
        _data.Append(value);
        _offsets.AppendStart(start);
        _validity.AppendValid();
    }

    /// <summary>Reserves room for a value of at most <paramref name="maxLength"/> bytes; finish with <see cref="CommitValue"/>.</summary>
    private protected Span<byte> ReserveValue(int maxLength) => _data.Reserve(maxLength);

    private protected void CommitValue(int length)
    {
        _offsets.AppendStart(_data.Length);
        _data.Advance(length);
        _validity.AppendValid();
    }

    private protected (int Length, ReadOnlyMemory<byte> Offsets, ReadOnlyMemory<byte> Data, ReadOnlyMemory<byte> Validity, int NullCount) DetachBuffers()
    {
        var offsets = _offsets.Detach(_data.Length);
        var (length, bits, nulls) = DetachValidity();
        return (length, offsets, _data.Detach(), bits, nulls);
    }

    /// <summary>Null and placeholder values alike are empty: they start where the next value starts.</summary>
    private protected override void AppendPlaceholderSlots(int count, bool nullSlots) => _offsets.AppendStarts(_data.Length, count);
}
