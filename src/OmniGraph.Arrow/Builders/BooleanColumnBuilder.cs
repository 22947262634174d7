using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow;

/// <summary>Builds a <see cref="BooleanColumn"/>.</summary>
public sealed class BooleanColumnBuilder : ArrowColumnBuilder
{
    private GrowableBuffer _values = new();

    public BooleanColumnBuilder()
        : base(ArrowType.Boolean)
    {
    }

    public void Append(bool value)
    {
        var index = _validity.Length;
        if ((index & 7) == 0)
        {
            _values.Append((byte)0);
        }

        if (value)
        {
            BitUtility.SetBit(_values.WrittenSpan, index);
        }

        _validity.AppendValid();
    }

    /// <summary>Appends <paramref name="value"/>, or a null slot when it has no value.</summary>
    public void Append(bool? value)
    {
        if (value.HasValue)
        {
            Append(value.Value);
        }
        else
        {
            AppendNull();
        }
    }

    public override void AppendNull()
    {
        if ((_validity.Length & 7) == 0)
        {
            _values.Append((byte)0);
        }

        _validity.AppendNull();
    }

    public override BooleanColumn Build()
    {
        var (length, bits, nulls) = DetachValidity();
        return new BooleanColumn(length, _values.Detach(), 0, bits, 0, nulls);
    }

    /// <summary>Placeholder slots are <c>false</c>: the value bytes they need are appended zeroed.</summary>
    private protected override void AppendPlaceholderSlots(int count, bool nullSlots)
    {
        var bytes = BitUtility.BytesForBits((long)_validity.Length + count);
        _values.AppendZeros((int)(bytes - _values.Length));
    }
}
