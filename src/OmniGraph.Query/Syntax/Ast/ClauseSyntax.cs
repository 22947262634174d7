using System.Collections.Immutable;
using OmniGraph.Schema;

namespace OmniGraph.Query.Syntax;

/// <summary>One clause of a <c>match</c> block or of a <c>not { … }</c> block.</summary>
internal abstract record ClauseSyntax(SourcePosition Position);

/// <summary><c>$v: Type</c> or <c>$v: Type { prop: value, … }</c> (empty braces allowed).</summary>
internal sealed record BindingClauseSyntax(
    VariableSyntax Variable,
    NameSyntax TypeName,
    ImmutableArray<PropertyMatchSyntax> Matches,
    SourcePosition Position) : ClauseSyntax(Position);

/// <summary><c>prop: value</c> inside binding braces; the value is a literal, a variable or a function call (<c>now()</c>).</summary>
internal sealed record PropertyMatchSyntax(NameSyntax Property, ExpressionSyntax Value);

/// <summary><c>$src [$w:] edge|&lt;edge&gt; [{min,max}] $dst</c>.</summary>
internal sealed record TraversalClauseSyntax(
    VariableSyntax Source,
    VariableSyntax? EdgeVariable,
    NameSyntax Edge,
    bool Undirected,
    HopBoundsSyntax? Bounds,
    VariableSyntax Target,
    SourcePosition Position) : ClauseSyntax(Position);

/// <summary><c>{min,max}</c> or <c>{min,}</c> (max absent).</summary>
internal sealed record HopBoundsSyntax(ulong Min, ulong? Max, SourcePosition Position);

/// <summary><c>expr op expr</c>.</summary>
internal sealed record FilterClauseSyntax(
    ExpressionSyntax Left,
    FilterOperatorSyntax Operator,
    ExpressionSyntax Right,
    SourcePosition Position) : ClauseSyntax(Position);

/// <summary><c>not { clause+ }</c>.</summary>
internal sealed record NegationClauseSyntax(ImmutableArray<ClauseSyntax> Clauses, SourcePosition Position) : ClauseSyntax(Position);

/// <summary>A bare function call as a clause (<c>starts_with($p.name, "A")</c>, <c>search(…)</c>): sugar for <c>call = true</c>.</summary>
internal sealed record CallClauseSyntax(CallExpressionSyntax Call, SourcePosition Position) : ClauseSyntax(Position);

/// <summary>Filter operators as written (<c>contains</c> is resolved to list or string semantics by the type checker).</summary>
internal enum FilterOperatorSyntax : byte
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Contains,
    StartsWith,
}
