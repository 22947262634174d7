using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow;

/// <summary>Builds a <see cref="BooleanColumn"/>.</summary>
public sealed class BooleanColumnBuilder : ArrowColumnBuilder
{
    private GrowableBuffer _values = new();
    private ValidityBuilder _validity;

    public BooleanColumnBuilder()
        : base(ArrowType.Boolean)
    {
    }

    public override int Length => _validity.Length;

    public override int NullCount => _validity.NullCount;

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
            Append(false);
        }
    }

    public override BooleanColumn Build()
    {
        var length = _validity.Length;
        var (bits, nulls) = _validity.Detach();
        return new BooleanColumn(length, _values.Detach(), 0, bits, 0, nulls);
    }
}
