namespace OmniGraph.Arrow;

/// <summary>
/// The shared shape of <see cref="ListColumnBuilder"/> and <see cref="FixedSizeListColumnBuilder"/>: entries made of
/// child values, which are appended to <see cref="Values"/> after <see cref="StartList"/>.
/// </summary>
public abstract class NestedColumnBuilder : ArrowColumnBuilder
{
    /// <param name="type">The column type; its id must be <paramref name="expectedTypeId"/>.</param>
    /// <param name="expectedTypeId">The kind of nested type the derived builder builds.</param>
    /// <param name="typeDescription">How the kind is named when <paramref name="type"/> is not of it (for example "list").</param>
    private protected NestedColumnBuilder(ArrowType type, ArrowTypeId expectedTypeId, string typeDescription)
        : base(type)
    {
        if (type.Id != expectedTypeId)
        {
            throw new ArgumentException($"{type} is not a {typeDescription} type.", nameof(type));
        }

        Values = Create(type.ValueType);
    }

    /// <summary>The builder of the child values; what is appended to it after <see cref="StartList"/> belongs to that entry.</summary>
    public ArrowColumnBuilder Values { get; }

    /// <summary><see cref="Values"/> as its concrete builder type.</summary>
    /// <exception cref="InvalidOperationException">The values are built by another builder type.</exception>
    public TBuilder GetValueBuilder<TBuilder>()
        where TBuilder : ArrowColumnBuilder =>
        Values as TBuilder ?? throw new InvalidOperationException($"The values of {Type} are built by {Values.GetType().Name}, not {typeof(TBuilder).Name}.");

    /// <summary>Starts a new (non-null) entry; its values are appended to <see cref="Values"/> next.</summary>
    public abstract void StartList();
}
