using System.Collections.Immutable;

namespace OmniGraph.Schema.Syntax;

/// <summary>A parsed <c>.pg</c> file: its declarations in source order, not yet validated as a catalog.</summary>
public sealed class SchemaDocument
{
    public SchemaDocument(ImmutableArray<DeclarationSyntax> declarations)
    {
        Declarations = declarations.IsDefault ? [] : declarations;
    }

    /// <summary>Interfaces, nodes and edges in the order they appear in the file.</summary>
    public ImmutableArray<DeclarationSyntax> Declarations { get; }
}
