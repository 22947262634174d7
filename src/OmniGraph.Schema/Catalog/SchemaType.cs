using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace OmniGraph.Schema;

/// <summary>Base of everything that owns properties: node types, edge types and interfaces.</summary>
public abstract class SchemaType
{
    private readonly NameLookup<Property> _properties;

    private protected SchemaType(string name, ulong stableId, ImmutableArray<Property> properties)
    {
        Name = name;
        StableId = stableId;
        Properties = properties;
        foreach (var property in properties)
        {
            property.AttachTo(this);
        }

        _properties = new NameLookup<Property>(properties, static p => p.Name);
    }

    /// <summary>The type name.</summary>
    public string Name { get; }

    /// <summary>Identity that survives renames; unique across the whole schema.</summary>
    public ulong StableId { get; }

    /// <summary>Properties in table column order (own declarations first, then injected interface properties).</summary>
    public ImmutableArray<Property> Properties { get; }

    /// <summary>How messages name this type, e.g. <c>node Person</c>.</summary>
    public abstract string DisplayName { get; }

    /// <summary>Finds a property by exact name.</summary>
    public bool TryGetProperty(string name, [NotNullWhen(true)] out Property? property) =>
        _properties.TryGet(name, out property);

    /// <summary>Finds a property by exact name without allocating.</summary>
    public bool TryGetProperty(ReadOnlySpan<char> name, [NotNullWhen(true)] out Property? property) =>
        _properties.TryGet(name, out property);

    /// <summary>Finds a property by its exact UTF-8 encoded name (as it appears in JSON input).</summary>
    public bool TryGetPropertyUtf8(ReadOnlySpan<byte> utf8Name, [NotNullWhen(true)] out Property? property) =>
        _properties.TryGetUtf8(utf8Name, out property);

    /// <summary>Returns the property with the given name.</summary>
    /// <exception cref="SchemaException">No such property (code <c>schema_unknown_property</c>).</exception>
    public Property GetProperty(string name) =>
        TryGetProperty(name, out var property)
            ? property
            : throw new SchemaException(ErrorCodes.SchemaUnknownProperty, $"unknown property '{name}' on {DisplayName}", $"unknown property '{name}' on {DisplayName}");

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
