using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow;

/// <summary>
/// Builds a <see cref="ListColumn"/>: call <see cref="StartList"/>, append the entry's values to
/// <see cref="NestedColumnBuilder.Values"/>, and repeat; an entry ends where the next one starts (or at <see cref="Build"/>).
/// </summary>
public sealed class ListColumnBuilder : NestedColumnBuilder
{
    private OffsetsBuilder _offsets = new();

    public ListColumnBuilder(ArrowType type)
        : base(type, ArrowTypeId.List, "list")
    {
    }

    /// <summary>Starts a new (non-null) entry.</summary>
    public override void StartList()
    {
        _offsets.AppendStart(Values.Length);
        _validity.AppendValid();
    }

    /// <summary>Appends a whole entry of primitive values.</summary>
    public void AppendValues<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var builder = GetValueBuilder<PrimitiveColumnBuilder<T>>();
        StartList();
        builder.AppendRange(values);
    }

    /// <summary>Appends a null entry (it holds no values).</summary>
    public override void AppendNull()
    {
        _offsets.AppendStart(Values.Length);
        _validity.AppendNull();
    }

    public override ListColumn Build()
    {
        var offsets = _offsets.Detach(Values.Length);
        var (length, bits, nulls) = DetachValidity();
        return new ListColumn(Type, length, offsets, Values.Build(), bits, 0, nulls);
    }

    /// <summary>Null and placeholder entries alike are empty: they start where the next entry starts.</summary>
    private protected override void AppendPlaceholderSlots(int count, bool nullSlots) => _offsets.AppendStarts(Values.Length, count);
}
