namespace OmniGraph.Arrow;

/// <summary>Builds a <see cref="BinaryColumn"/>.</summary>
public sealed class BinaryColumnBuilder : VariableBinaryColumnBuilder
{
    public BinaryColumnBuilder()
        : base(ArrowType.Binary)
    {
    }

    /// <summary>Appends <paramref name="value"/> as one value.</summary>
    public void Append(ReadOnlySpan<byte> value) => AppendValue(value);

    /// <summary>Appends <paramref name="value"/>, or a null slot when it is null.</summary>
    public void Append(byte[]? value)
    {
        if (value is null)
        {
            AppendNull();
        }
        else
        {
            AppendValue(value);
        }
    }

    public override BinaryColumn Build()
    {
        var (length, offsets, data, validity, nulls) = DetachBuffers();
        return new BinaryColumn(length, offsets, data, validity, 0, nulls);
    }
}
