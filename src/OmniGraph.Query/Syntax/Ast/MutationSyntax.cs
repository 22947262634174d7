using System.Collections.Immutable;
using OmniGraph.Schema;

namespace OmniGraph.Query.Syntax;

/// <summary>One mutation statement; <see cref="TypeName"/> is the written target type.</summary>
internal abstract record MutationStatementSyntax(NameSyntax TypeName, SourcePosition Position);

/// <summary><c>insert Type { assignment* }</c>.</summary>
internal sealed record InsertSyntax(NameSyntax TypeName, ImmutableArray<AssignmentSyntax> Assignments, SourcePosition Position)
    : MutationStatementSyntax(TypeName, Position);

/// <summary><c>update Type set { assignment* } where predicate</c>.</summary>
internal sealed record UpdateSyntax(
    NameSyntax TypeName,
    ImmutableArray<AssignmentSyntax> Assignments,
    MutationPredicateSyntax Predicate,
    SourcePosition Position) : MutationStatementSyntax(TypeName, Position);

/// <summary><c>delete Type where predicate</c>.</summary>
internal sealed record DeleteSyntax(NameSyntax TypeName, MutationPredicateSyntax Predicate, SourcePosition Position)
    : MutationStatementSyntax(TypeName, Position);

/// <summary><c>prop: value</c>; the value is a literal, a variable or a function call (<c>now()</c>).</summary>
internal sealed record AssignmentSyntax(NameSyntax Property, ExpressionSyntax Value);

/// <summary><c>prop op value</c> (ordering comparisons only).</summary>
internal sealed record MutationPredicateSyntax(NameSyntax Property, FilterOperatorSyntax Operator, ExpressionSyntax Value, SourcePosition Position);
