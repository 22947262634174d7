namespace OmniGraph.Schema.Syntax;

/// <summary>The three top-level declaration kinds.</summary>
public enum DeclarationKind
{
    Interface,
    Node,
    Edge,
}
