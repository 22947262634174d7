using System.Collections.Immutable;

namespace OmniGraph.Schema.Syntax;

/// <summary><c>interface Name { prop_decl* }</c>.</summary>
public sealed class InterfaceDeclarationSyntax : DeclarationSyntax
{
    public InterfaceDeclarationSyntax(SourcePosition position, NameSyntax name, ImmutableArray<PropertyDeclarationSyntax> properties)
        : base(position, name, [], properties, [])
    {
    }

    /// <inheritdoc />
    public override DeclarationKind Kind => DeclarationKind.Interface;
}
