using System.Collections.Immutable;
using System.Text;

namespace OmniGraph.Schema;

/// <summary>
/// One property of a node type, edge type or interface: name, stable identity, type, position among its
/// owner's properties, and its annotations. Immutable.
/// </summary>
public sealed class Property
{
    private SchemaType? _owner;

    internal Property(
        string name,
        ulong stableId,
        PropertyType type,
        int ordinal,
        PropertyAnnotations annotations,
        string? inheritedFrom)
    {
        Name = name;
        NameUtf8 = Encoding.UTF8.GetBytes(name);
        StableId = stableId;
        Type = type;
        Ordinal = ordinal;
        Description = annotations.Description;
        RenameFrom = annotations.RenameFrom;
        Embed = annotations.Embed;
        Default = annotations.Default;
        HasKeyAnnotation = annotations.Key;
        HasUniqueAnnotation = annotations.Unique;
        HasIndexAnnotation = annotations.Index;
        CustomAnnotations = annotations.Custom.IsDefault ? [] : annotations.Custom;
        InheritedFrom = inheritedFrom;
    }

    /// <summary>The property name.</summary>
    public string Name { get; }

    /// <summary>The name as UTF-8 bytes, for matching JSON member names without decoding them.</summary>
    public ReadOnlyMemory<byte> NameUtf8 { get; }

    /// <summary>Identity that survives renames (<c>@rename_from</c>); unique across the whole schema.</summary>
    public ulong StableId { get; }

    /// <summary>The declared type.</summary>
    public PropertyType Type { get; }

    /// <summary><c>true</c> when the value may be null (the type ends with <c>?</c>); otherwise the property is required.</summary>
    public bool IsNullable => Type.IsNullable;

    /// <summary>Zero-based position among the owner's properties (the column order of its table).</summary>
    public int Ordinal { get; }

    /// <summary>The type or interface that declares this property in this catalog.</summary>
    public SchemaType Owner => _owner ?? throw new InvalidOperationException("The property is not attached to a type yet.");

    /// <summary><c>@description</c> text, if any.</summary>
    public string? Description { get; }

    /// <summary><c>@rename_from</c> value: the name this property had in the previously accepted schema.</summary>
    public string? RenameFrom { get; }

    /// <summary><c>@embed</c> source and model on a Vector property.</summary>
    public EmbedSpec? Embed { get; }

    /// <summary>
    /// <c>@default(…)</c>: the value a load or an insert that leaves the property out stores, and the value a schema apply
    /// that adds the property writes into every existing row. <c>null</c> when there is none.
    /// </summary>
    public PropertyDefault? Default { get; }

    /// <summary>The property was written with a bare <c>@key</c> (desugared into its owner's key).</summary>
    public bool HasKeyAnnotation { get; }

    /// <summary>The property was written with a bare <c>@unique</c> (desugared into a unique constraint).</summary>
    public bool HasUniqueAnnotation { get; }

    /// <summary>The property was written with a bare <c>@index</c> (desugared into an index intent).</summary>
    public bool HasIndexAnnotation { get; }

    /// <summary>Annotations without schema semantics, kept as metadata in written order.</summary>
    public ImmutableArray<CustomAnnotation> CustomAnnotations { get; }

    /// <summary>
    /// For a node property injected by <c>implements</c>, the interface that declared it; <c>null</c> when the
    /// owner declares the property itself (including a redeclaration of an interface property).
    /// </summary>
    public string? InheritedFrom { get; }

    /// <summary><c>Owner.Property</c>, as used in messages.</summary>
    public string QualifiedName => $"{Owner.Name}.{Name}";

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Type.DisplayName}";

    internal void AttachTo(SchemaType owner) => _owner = owner;
}

/// <summary>The annotation-derived facts of a property, gathered while building.</summary>
internal readonly record struct PropertyAnnotations(
    string? Description,
    string? RenameFrom,
    EmbedSpec? Embed,
    PropertyDefault? Default,
    bool Key,
    bool Unique,
    bool Index,
    ImmutableArray<CustomAnnotation> Custom);
