using System.Collections.Immutable;

namespace OmniGraph.Schema;

/// <summary><c>@key(p, …)</c>: a node's primary key. Implies an index; members are required and immutable.</summary>
public sealed class KeyConstraint : SchemaConstraint
{
    internal KeyConstraint(ImmutableArray<string> propertyNames, ConstraintOrigin origin, string? interfaceName)
        : base(origin, interfaceName)
    {
        PropertyNames = propertyNames;
    }

    /// <inheritdoc />
    public override ConstraintKind Kind => ConstraintKind.Key;

    /// <summary>Key members as written.</summary>
    public ImmutableArray<string> PropertyNames { get; }

    /// <summary><c>true</c> for a key of more than one property.</summary>
    public bool IsComposite => PropertyNames.Length > 1;

    /// <inheritdoc />
    public override string ToSourceText() => $"@key({string.Join(", ", PropertyNames)})";
}
