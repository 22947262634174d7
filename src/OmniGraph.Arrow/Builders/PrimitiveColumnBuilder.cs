using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow;

/// <summary>Builds a <see cref="PrimitiveColumn{T}"/>; <typeparamref name="T"/> must be the storage type of the given Arrow type.</summary>
public sealed class PrimitiveColumnBuilder<T> : ArrowColumnBuilder
    where T : unmanaged
{
    private GrowableBuffer _values = new();

    public PrimitiveColumnBuilder(ArrowType type)
        : base(type)
    {
        PrimitiveTypes.CheckStorage<T>(type);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(T value)
    {
        _values.Append(value);
        _validity.AppendValid();
    }

    /// <summary>Appends <paramref name="value"/>, or a null slot when it has no value.</summary>
    public void Append(T? value)
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

    /// <summary>Appends every value of <paramref name="values"/> (a bulk copy).</summary>
    public void AppendRange(ReadOnlySpan<T> values)
    {
        _values.Append(MemoryMarshal.AsBytes(values));
        _validity.AppendValid(values.Length);
    }

    public override void AppendNull()
    {
        _values.Append(default(T));
        _validity.AppendNull();
    }

    public override PrimitiveColumn<T> Build()
    {
        var (length, bits, nulls) = DetachValidity();
        return new PrimitiveColumn<T>(Type, length, _values.Detach(), bits, 0, nulls);
    }

    private protected override void AppendPlaceholderSlots(int count, bool nullSlots) =>
        _values.AppendZeros(checked(count * Unsafe.SizeOf<T>()));
}
