using System.Collections.Immutable;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Query.Syntax;

/// <summary>An expression: operand of a filter, a projection, an ordering key, or a value in a match or mutation.</summary>
internal abstract record ExpressionSyntax(SourcePosition Position);

/// <summary><c>$v.prop</c>.</summary>
internal sealed record PropertyAccessSyntax(VariableSyntax Variable, NameSyntax Property) : ExpressionSyntax(Variable.Position);

/// <summary>A bare <c>$v</c>: a pattern variable or a parameter.</summary>
internal sealed record VariableReferenceSyntax(VariableSyntax Variable) : ExpressionSyntax(Variable.Position);

/// <summary>
/// A literal. Integer literals are <see cref="QueryValueKind.I64"/> (or <see cref="QueryValueKind.U64"/> above
/// <see cref="long.MaxValue"/>), decimals <see cref="QueryValueKind.F64"/>; the type checker retypes them in context.
/// </summary>
internal sealed record LiteralSyntax(QueryValue Value, SourcePosition Position) : ExpressionSyntax(Position);

/// <summary>A bare identifier: a reference to an earlier projection alias.</summary>
internal sealed record AliasReferenceSyntax(string Name, SourcePosition Position) : ExpressionSyntax(Position);

/// <summary>
/// <c>name(arguments)</c>: a call of any function, <c>now()</c> included. The parser knows no function names; the type
/// checker resolves the name in the function registry (an unknown name is <c>query_function_unknown</c>).
/// </summary>
internal sealed record CallExpressionSyntax(string Name, ImmutableArray<ExpressionSyntax> Arguments, SourcePosition Position)
    : ExpressionSyntax(Position);
