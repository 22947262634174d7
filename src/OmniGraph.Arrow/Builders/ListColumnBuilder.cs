using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow;

/// <summary>
/// Builds a <see cref="ListColumn"/>: call <see cref="StartList"/>, append the entry's values to <see cref="Values"/>,
/// and repeat; an entry ends where the next one starts (or at <see cref="Build"/>).
/// </summary>
public sealed class ListColumnBuilder : ArrowColumnBuilder
{
    private GrowableBuffer _offsets = new();
    private ValidityBuilder _validity;

    public ListColumnBuilder(ArrowType type)
        : base(type)
    {
        if (type.Id != ArrowTypeId.List)
        {
            throw new ArgumentException($"{type} is not a list type.", nameof(type));
        }

        Values = Create(type.ValueType);
    }

    /// <summary>The builder of the child values; what is appended to it after <see cref="StartList"/> belongs to that entry.</summary>
    public ArrowColumnBuilder Values { get; }

    public override int Length => _validity.Length;

    public override int NullCount => _validity.NullCount;

    /// <summary><see cref="Values"/> as its concrete builder type.</summary>
    public TBuilder GetValueBuilder<TBuilder>()
        where TBuilder : ArrowColumnBuilder =>
        Values as TBuilder ?? throw new InvalidOperationException($"The values of {Type} are built by {Values.GetType().Name}, not {typeof(TBuilder).Name}.");

    /// <summary>Starts a new (non-null) entry.</summary>
    public void StartList()
    {
        _offsets.Append(Values.Length);
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
        _offsets.Append(Values.Length);
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
            _offsets.Append(Values.Length);
            _validity.AppendValid();
        }
    }

    public override ListColumn Build()
    {
        _offsets.Append(Values.Length);
        var length = _validity.Length;
        var (bits, nulls) = _validity.Detach();
        var values = Values.Build();
        return new ListColumn(Type, length, _offsets.Detach(), values, bits, 0, nulls);
    }
}
