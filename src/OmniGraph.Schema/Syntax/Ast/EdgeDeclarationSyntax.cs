using System.Collections.Immutable;

namespace OmniGraph.Schema.Syntax;

/// <summary><c>edge Name: From -> To @card(…)? annotation* ({ … })?</c>.</summary>
public sealed class EdgeDeclarationSyntax : DeclarationSyntax
{
    public EdgeDeclarationSyntax(
        SourcePosition position,
        NameSyntax name,
        NameSyntax from,
        NameSyntax to,
        CardinalitySyntax? cardinality,
        ImmutableArray<AnnotationSyntax> annotations,
        ImmutableArray<PropertyDeclarationSyntax> properties,
        ImmutableArray<ConstraintSyntax> constraints)
        : base(position, name, annotations, properties, constraints)
    {
        From = from;
        To = to;
        Cardinality = cardinality;
    }

    /// <inheritdoc />
    public override DeclarationKind Kind => DeclarationKind.Edge;

    /// <summary>The source endpoint node type name.</summary>
    public NameSyntax From { get; }

    /// <summary>The target endpoint node type name.</summary>
    public NameSyntax To { get; }

    /// <summary>The <c>@card</c> clause, or <c>null</c> when omitted (the default is <c>0..</c>).</summary>
    public CardinalitySyntax? Cardinality { get; }
}
