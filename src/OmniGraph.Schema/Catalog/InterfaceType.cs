using System.Collections.Immutable;

namespace OmniGraph.Schema;

/// <summary>
/// An interface: reusable property declarations that <c>implements</c> injects into node types. Schema-only;
/// queries cannot bind an interface. Kept in the catalog for printing and for schema identity.
/// </summary>
public sealed class InterfaceType : SchemaType
{
    internal InterfaceType(string name, ulong stableId, ImmutableArray<Property> properties)
        : base(name, stableId, properties)
    {
    }

    /// <inheritdoc />
    public override string DisplayName => $"interface {Name}";
}
