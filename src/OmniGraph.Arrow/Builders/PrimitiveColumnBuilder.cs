using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow;

/// <summary>Builds a <see cref="PrimitiveColumn{T}"/>; <typeparamref name="T"/> must be the storage type of the given Arrow type.</summary>
public sealed class PrimitiveColumnBuilder<T> : ArrowColumnBuilder
    where T : unmanaged
{
    private GrowableBuffer _values = new();
    private ValidityBuilder _validity;

    public PrimitiveColumnBuilder(ArrowType type)
        : base(type)
    {
        PrimitiveTypes.CheckStorage<T>(type);
    }

    public override int Length => _validity.Length;

    public override int NullCount => _validity.NullCount;

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

    public override void AppendNulls(int count)
    {
        CheckCount(count);
        _values.AppendZeros(checked(count * Unsafe.SizeOf<T>()));
        _validity.AppendNulls(count);
    }

    public override void AppendEmptyValues(int count)
    {
        CheckCount(count);
        _values.AppendZeros(checked(count * Unsafe.SizeOf<T>()));
        _validity.AppendValid(count);
    }

    public override PrimitiveColumn<T> Build()
    {
        var length = _validity.Length;
        var (bits, nulls) = _validity.Detach();
        return new PrimitiveColumn<T>(Type, length, _values.Detach(), bits, 0, nulls);
    }
}
