using OmniGraph.Schema.Syntax;

namespace OmniGraph.Schema.Building;

/// <summary>The mutable working form of one declaration while the catalog is being validated.</summary>
internal sealed class TypeDraft
{
    public TypeDraft(DeclarationSyntax syntax)
    {
        Syntax = syntax;
    }

    public DeclarationSyntax Syntax { get; }

    public DeclarationKind Kind => Syntax.Kind;

    public string Name => Syntax.Name.Text;

    public string Display => Kind switch
    {
        DeclarationKind.Interface => $"interface {Name}",
        DeclarationKind.Node => $"node {Name}",
        _ => $"edge {Name}",
    };

    /// <summary>Own properties in written order, followed by injected interface properties.</summary>
    public List<PropertyDraft> Properties { get; } = [];

    public Dictionary<string, PropertyDraft> PropertiesByName { get; } = new(StringComparer.Ordinal);

    public TypeMetadata Metadata { get; set; } = new(null, null, null, []);

    public EdgeCardinality Cardinality { get; set; } = EdgeCardinality.Default;

    public List<SchemaConstraint> Constraints { get; } = [];

    public bool HasKey { get; set; }

    public ulong StableId { get; set; }

    public void Add(PropertyDraft property)
    {
        Properties.Add(property);
        PropertiesByName.Add(property.Name, property);
    }
}
