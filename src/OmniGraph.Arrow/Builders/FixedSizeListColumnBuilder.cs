namespace OmniGraph.Arrow;

/// <summary>
/// Builds a <see cref="FixedSizeListColumn"/>: each entry is exactly <see cref="ArrowType.ListSize"/> values appended
/// to <see cref="NestedColumnBuilder.Values"/> after <see cref="StartList"/> (or in one call with <see cref="AppendValues{T}"/>).
/// </summary>
public sealed class FixedSizeListColumnBuilder : NestedColumnBuilder
{
    public FixedSizeListColumnBuilder(ArrowType type)
        : base(type, ArrowTypeId.FixedSizeList, "fixed-size list")
    {
    }

    /// <summary>Starts a new (non-null) entry; append exactly <see cref="ArrowType.ListSize"/> values to <see cref="NestedColumnBuilder.Values"/> next.</summary>
    public override void StartList() => _validity.AppendValid();

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

    /// <exception cref="InvalidOperationException">The values appended are not exactly <c>Length * ListSize</c>.</exception>
    public override FixedSizeListColumn Build()
    {
        var expected = (long)Length * Type.ListSize;
        if (Values.Length != expected)
        {
            throw new InvalidOperationException($"{Type} with {Length} entries needs {expected} values, but {Values.Length} were appended.");
        }

        var (length, bits, nulls) = DetachValidity();
        return new FixedSizeListColumn(Type, length, Values.Build(), bits, 0, nulls);
    }

    /// <summary>
    /// Every entry owns <see cref="ArrowType.ListSize"/> child slots, placeholder or null. Those of a null entry hold
    /// nulls when the child field allows them, and placeholder values otherwise: a non-nullable child must not declare
    /// nulls (readers, ours included, reject that).
    /// </summary>
    private protected override void AppendPlaceholderSlots(int count, bool nullSlots)
    {
        var childSlots = checked(count * Type.ListSize);
        if (nullSlots && Type.ValueField!.IsNullable)
        {
            Values.AppendNulls(childSlots);
        }
        else
        {
            Values.AppendEmptyValues(childSlots);
        }
    }
}
