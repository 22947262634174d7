using System.Collections.Immutable;
using OmniGraph.Schema;

namespace OmniGraph.Query.Syntax;

/// <summary>A parsed <c>.gq</c> file: its query declarations in source order (duplicate names allowed; the first wins).</summary>
internal sealed record QueryDocumentSyntax(ImmutableArray<QueryDeclarationSyntax> Queries);

/// <summary><c>query name(params) @description(…) @instruction(…) { body }</c>.</summary>
internal sealed record QueryDeclarationSyntax(
    string Name,
    SourcePosition Position,
    ImmutableArray<ParameterSyntax> Parameters,
    string? Description,
    string? Instruction,
    QueryBodySyntax Body);

/// <summary><c>$name: Type</c>; the type is resolved by the parser (the parameter type set is closed).</summary>
internal sealed record ParameterSyntax(string Name, PropertyType Type, SourcePosition Position);

/// <summary>A query body: a read (<see cref="ReadBodySyntax"/>) or mutation statements (<see cref="MutationBodySyntax"/>).</summary>
internal abstract record QueryBodySyntax(SourcePosition Position);

/// <summary><c>match { … } return { … } [order { … }] [limit N]</c>.</summary>
internal sealed record ReadBodySyntax(
    ImmutableArray<ClauseSyntax> Match,
    ImmutableArray<ProjectionSyntax> Return,
    ImmutableArray<OrderingSyntax> Order,
    LimitSyntax? Limit,
    SourcePosition Position) : QueryBodySyntax(Position);

/// <summary>One or more <c>insert</c>/<c>update</c>/<c>delete</c> statements.</summary>
internal sealed record MutationBodySyntax(ImmutableArray<MutationStatementSyntax> Statements, SourcePosition Position) : QueryBodySyntax(Position);

/// <summary>A variable occurrence: <c>$name</c> (name without <c>$</c>); <c>$_</c> is anonymous.</summary>
internal readonly record struct VariableSyntax(string Name, SourcePosition Position)
{
    public const string AnonymousName = "_";

    public bool IsAnonymous => Name == AnonymousName;
}

/// <summary>A name occurrence (type, property, edge, alias) with its position.</summary>
internal readonly record struct NameSyntax(string Text, SourcePosition Position);
