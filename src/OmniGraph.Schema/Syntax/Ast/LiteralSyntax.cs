namespace OmniGraph.Schema.Syntax;

/// <summary>A literal or bare identifier used as an annotation value; string text is already decoded.</summary>
public readonly record struct LiteralSyntax(LiteralKind Kind, string Text, SourcePosition Position);
