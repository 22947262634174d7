using System.Collections.Immutable;

namespace OmniGraph.Schema.Syntax;

/// <summary>Common shape of <c>interface</c>, <c>node</c> and <c>edge</c> declarations.</summary>
public abstract class DeclarationSyntax
{
    private protected DeclarationSyntax(
        SourcePosition position,
        NameSyntax name,
        ImmutableArray<AnnotationSyntax> annotations,
        ImmutableArray<PropertyDeclarationSyntax> properties,
        ImmutableArray<ConstraintSyntax> constraints)
    {
        Position = position;
        Name = name;
        Annotations = annotations.IsDefault ? [] : annotations;
        Properties = properties.IsDefault ? [] : properties;
        Constraints = constraints.IsDefault ? [] : constraints;
    }

    /// <summary>Which kind of declaration this is.</summary>
    public abstract DeclarationKind Kind { get; }

    /// <summary>Position of the leading keyword.</summary>
    public SourcePosition Position { get; }

    /// <summary>The declared type name.</summary>
    public NameSyntax Name { get; }

    /// <summary>Type-level annotations (always empty for interfaces).</summary>
    public ImmutableArray<AnnotationSyntax> Annotations { get; }

    /// <summary>Property declarations in source order.</summary>
    public ImmutableArray<PropertyDeclarationSyntax> Properties { get; }

    /// <summary>Body constraints in source order (always empty for interfaces).</summary>
    public ImmutableArray<ConstraintSyntax> Constraints { get; }
}
