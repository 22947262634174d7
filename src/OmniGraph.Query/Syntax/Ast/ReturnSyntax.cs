using OmniGraph.Schema;

namespace OmniGraph.Query.Syntax;

/// <summary><c>expr [as alias]</c> in <c>return { … }</c>.</summary>
internal sealed record ProjectionSyntax(ExpressionSyntax Expression, NameSyntax? Alias);

/// <summary>
/// One <c>order</c> key: <c>expr [asc|desc]</c>, or the <c>nearest(…)</c> form (no direction).
/// <paramref name="DirectionPosition"/> is where an explicit <c>asc</c>/<c>desc</c> stood (a ranking refuses one).
/// </summary>
internal sealed record OrderingSyntax(ExpressionSyntax Expression, bool Descending, SourcePosition Position, SourcePosition? DirectionPosition = null);

/// <summary><c>limit N</c>.</summary>
internal sealed record LimitSyntax(long Value, SourcePosition Position);
