using System.Collections.Immutable;

namespace OmniGraph.Schema.Syntax;

/// <summary><c>node Name annotation* (implements I, J)? { … }</c>.</summary>
public sealed class NodeDeclarationSyntax : DeclarationSyntax
{
    public NodeDeclarationSyntax(
        SourcePosition position,
        NameSyntax name,
        ImmutableArray<AnnotationSyntax> annotations,
        ImmutableArray<NameSyntax> implements,
        ImmutableArray<PropertyDeclarationSyntax> properties,
        ImmutableArray<ConstraintSyntax> constraints)
        : base(position, name, annotations, properties, constraints)
    {
        Implements = implements.IsDefault ? [] : implements;
    }

    /// <inheritdoc />
    public override DeclarationKind Kind => DeclarationKind.Node;

    /// <summary>Interfaces named in the <c>implements</c> clause, in order.</summary>
    public ImmutableArray<NameSyntax> Implements { get; }
}
