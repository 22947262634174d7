namespace OmniGraph.Schema;

/// <summary>Base of the body constraints attached to a node or edge type.</summary>
public abstract class SchemaConstraint
{
    private GraphElementType? _owner;

    private protected SchemaConstraint(ConstraintOrigin origin, string? interfaceName)
    {
        Origin = origin;
        InterfaceName = interfaceName;
    }

    /// <summary>Which constraint.</summary>
    public abstract ConstraintKind Kind { get; }

    /// <summary>Where it was written.</summary>
    public ConstraintOrigin Origin { get; }

    /// <summary>The interface that contributed it, when <see cref="Origin"/> is <see cref="ConstraintOrigin.Interface"/>.</summary>
    public string? InterfaceName { get; }

    /// <summary>The node or edge type the constraint applies to.</summary>
    public GraphElementType Owner => _owner ?? throw new InvalidOperationException("The constraint is not attached to a type yet.");

    /// <summary>Renders the constraint in body syntax, e.g. <c>@unique(title, status)</c>.</summary>
    public abstract string ToSourceText();

    /// <inheritdoc />
    public override string ToString() => ToSourceText();

    internal void AttachTo(GraphElementType owner) => _owner = owner;
}
