using System.Collections.Immutable;

namespace OmniGraph.Schema.Syntax;

/// <summary><c>name: type annotation*</c>.</summary>
public sealed class PropertyDeclarationSyntax
{
    public PropertyDeclarationSyntax(NameSyntax name, TypeReferenceSyntax type, ImmutableArray<AnnotationSyntax> annotations)
    {
        Name = name;
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Annotations = annotations.IsDefault ? [] : annotations;
    }

    /// <summary>The property name.</summary>
    public NameSyntax Name { get; }

    /// <summary>The written type.</summary>
    public TypeReferenceSyntax Type { get; }

    /// <summary>Annotations written after the type, in order.</summary>
    public ImmutableArray<AnnotationSyntax> Annotations { get; }
}
