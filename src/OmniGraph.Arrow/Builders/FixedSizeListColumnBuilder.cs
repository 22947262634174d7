using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow;

/// <summary>
/// Builds a <see cref="FixedSizeListColumn"/>: each entry is exactly <see cref="ArrowType.ListSize"/> values appended
/// to <see cref="Values"/> after <see cref="StartList"/> (or in one call with <see cref="AppendValues{T}"/>).
/// </summary>
public sealed class FixedSizeListColumnBuilder : ArrowColumnBuilder
{
    private ValidityBuilder _validity;

    public FixedSizeListColumnBuilder(ArrowType type)
        : base(type)
    {
        if (type.Id != ArrowTypeId.FixedSizeList)
        {
            throw new ArgumentException($"{type} is not a fixed-size list type.", nameof(type));
        }

        Values = Create(type.ValueType);
    }

    /// <summary>The builder of the child values.</summary>
    public ArrowColumnBuilder Values { get; }

    public override int Length => _validity.Length;

    public override int NullCount => _validity.NullCount;

    /// <summary><see cref="Values"/> as its concrete builder type.</summary>
    public TBuilder GetValueBuilder<TBuilder>()
        where TBuilder : ArrowColumnBuilder =>
        Values as TBuilder ?? throw new InvalidOperationException($"The values of {Type} are built by {Values.GetType().Name}, not {typeof(TBuilder).Name}.");

    /// <summary>Starts a new (non-null) entry; append exactly <see cref="ArrowType.ListSize"/> values to <see cref="Values"/> next.</summary>
    public void StartList() => _validity.AppendValid();

    /// <summary>Appends a whole entry (for a vector: <c>AppendValues&lt;float&gt;(embedding)</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold exactly <see cref="ArrowType.ListSize"/> values.</exception>
    public void AppendValues<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        if (values.Length != Type.ListSize)
        {
            throw new ArgumentException($"{Type} needs exactly {Type.ListSize} values per entry, got {values.Length}.", nameof(values));
        }

        var builder = GetValueBuilder<PrimitiveColumnBuilder<T>>();
        StartList();
        builder.AppendRange(values);
    }

    /// <summary>Appends a null entry; its <see cref="ArrowType.ListSize"/> child slots are null too.</summary>
    public override void AppendNull() => AppendNulls(1);

    public override void AppendNulls(int count)
    {
        CheckCount(count);
        ReserveChildSlots(checked(count * Type.ListSize));
        _validity.AppendNulls(count);
    }

    public override void AppendEmptyValues(int count)
    {
        CheckCount(count);
        Values.AppendEmptyValues(checked(count * Type.ListSize));
        _validity.AppendValid(count);
    }

    /// <summary>
    /// The child slots a null entry occupies hold nulls when the child field allows them, and placeholder values
    /// otherwise: a non-nullable child must not declare nulls (readers, ours included, reject that).
    /// </summary>
    private void ReserveChildSlots(int slots)
    {
        if (Type.ValueField!.IsNullable)
        {
            Values.AppendNulls(slots);
        }
        else
        {
            Values.AppendEmptyValues(slots);
        }
    }

    /// <exception cref="InvalidOperationException">The values appended are not exactly <c>Length * ListSize</c>.</exception>
    public override FixedSizeListColumn Build()
    {
        var expected = (long)_validity.Length * Type.ListSize;
        if (Values.Length != expected)
        {
            throw new InvalidOperationException($"{Type} with {_validity.Length} entries needs {expected} values, but {Values.Length} were appended.");
        }

        var length = _validity.Length;
        var (bits, nulls) = _validity.Detach();
        return new FixedSizeListColumn(Type, length, Values.Build(), bits, 0, nulls);
    }
}
