using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace OmniGraph.Schema;

/// <summary>Base of everything that owns properties: node types, edge types and interfaces.</summary>
public abstract class SchemaType
{
    private const int StackTranscodeLimit = 256;

    private readonly FrozenDictionary<string, Property> _propertiesByName;
    private readonly FrozenDictionary<string, Property>.AlternateLookup<ReadOnlySpan<char>> _propertiesBySpan;

    private protected SchemaType(string name, ulong stableId, ImmutableArray<Property> properties)
    {
        Name = name;
        StableId = stableId;
        Properties = properties;
        var byName = new Dictionary<string, Property>(properties.Length, StringComparer.Ordinal);
        foreach (var property in properties)
        {
            byName.Add(property.Name, property);
            property.AttachTo(this);
        }

        _propertiesByName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _propertiesBySpan = _propertiesByName.GetAlternateLookup<ReadOnlySpan<char>>();
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
        _propertiesByName.TryGetValue(name, out property);

    /// <summary>Finds a property by exact name without allocating.</summary>
    public bool TryGetProperty(ReadOnlySpan<char> name, [NotNullWhen(true)] out Property? property) =>
        _propertiesBySpan.TryGetValue(name, out property);

    /// <summary>Finds a property by its exact UTF-8 encoded name (as it appears in JSON input).</summary>
    public bool TryGetPropertyUtf8(ReadOnlySpan<byte> utf8Name, [NotNullWhen(true)] out Property? property)
    {
        if (utf8Name.Length <= StackTranscodeLimit)
        {
            Span<char> buffer = stackalloc char[StackTranscodeLimit];
            if (Encoding.UTF8.TryGetChars(utf8Name, buffer, out var written))
            {
                return _propertiesBySpan.TryGetValue(buffer[..written], out property);
            }
        }

        return _propertiesByName.TryGetValue(Encoding.UTF8.GetString(utf8Name), out property);
    }

    /// <summary>Returns the property with the given name.</summary>
    /// <exception cref="SchemaException">No such property (code <c>schema_unknown_property</c>).</exception>
    public Property GetProperty(string name) =>
        TryGetProperty(name, out var property)
            ? property
            : throw new SchemaException(SchemaErrorCodes.UnknownProperty, $"unknown property '{name}' on {DisplayName}", $"unknown property '{name}' on {DisplayName}");

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
