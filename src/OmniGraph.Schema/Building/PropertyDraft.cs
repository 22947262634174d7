namespace OmniGraph.Schema.Building;

/// <summary>The mutable working form of one property while the catalog is being validated.</summary>
internal sealed class PropertyDraft
{
    public PropertyDraft(string name, SourcePosition position, PropertyType type, PropertyAnnotations annotations, SourcePosition embedPosition, string? inheritedFrom)
    {
        Name = name;
        Position = position;
        Type = type;
        Annotations = annotations;
        EmbedPosition = embedPosition;
        InheritedFrom = inheritedFrom;
    }

    public string Name { get; }

    public SourcePosition Position { get; }

    public PropertyType Type { get; }

    public PropertyAnnotations Annotations { get; }

    public SourcePosition EmbedPosition { get; }

    /// <summary>The interface that injected this property into a node, or <c>null</c> for an own declaration.</summary>
    public string? InheritedFrom { get; }

    public ulong StableId { get; set; }

    /// <summary>A fresh copy for injection into a node; identities are per owner, so the id is not copied.</summary>
    public PropertyDraft InjectFrom(string interfaceName) => new(Name, Position, Type, Annotations, EmbedPosition, interfaceName);
}
