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

/// <summary><c>now()</c>.</summary>
internal sealed record NowSyntax(SourcePosition Position) : ExpressionSyntax(Position);

/// <summary>A bare identifier: a reference to an earlier projection alias.</summary>
internal sealed record AliasReferenceSyntax(string Name, SourcePosition Position) : ExpressionSyntax(Position);

/// <summary>An aggregate or search function call.</summary>
internal sealed record CallExpressionSyntax(QueryFunction Function, ImmutableArray<ExpressionSyntax> Arguments, SourcePosition Position)
    : ExpressionSyntax(Position);

/// <summary>The functions the grammar knows besides <c>now</c>, <c>date</c> and <c>datetime</c>.</summary>
internal enum QueryFunction : byte
{
    Count,
    Sum,
    Avg,
    Min,
    Max,
    Search,
    Fuzzy,
    MatchText,
    Bm25,
    Nearest,
    Rrf,
}

/// <summary>Source names of <see cref="QueryFunction"/>.</summary>
internal static class QueryFunctions
{
    public static bool TryParse(string name, out QueryFunction function)
    {
        switch (name)
        {
            case "count": function = QueryFunction.Count; return true;
            case "sum": function = QueryFunction.Sum; return true;
            case "avg": function = QueryFunction.Avg; return true;
            case "min": function = QueryFunction.Min; return true;
            case "max": function = QueryFunction.Max; return true;
            case "search": function = QueryFunction.Search; return true;
            case "fuzzy": function = QueryFunction.Fuzzy; return true;
            case "match_text": function = QueryFunction.MatchText; return true;
            case "bm25": function = QueryFunction.Bm25; return true;
            case "nearest": function = QueryFunction.Nearest; return true;
            case "rrf": function = QueryFunction.Rrf; return true;
            default: function = default; return false;
        }
    }

    public static string GetName(this QueryFunction function) => function switch
    {
        QueryFunction.Count => "count",
        QueryFunction.Sum => "sum",
        QueryFunction.Avg => "avg",
        QueryFunction.Min => "min",
        QueryFunction.Max => "max",
        QueryFunction.Search => "search",
        QueryFunction.Fuzzy => "fuzzy",
        QueryFunction.MatchText => "match_text",
        QueryFunction.Bm25 => "bm25",
        QueryFunction.Nearest => "nearest",
        _ => "rrf",
    };

    public static bool IsAggregate(this QueryFunction function) => function <= QueryFunction.Max;

    /// <summary><c>search</c>, <c>fuzzy</c> and <c>match_text</c>: the functions that may stand alone as a match clause.</summary>
    public static bool IsSearchClause(this QueryFunction function) => function is QueryFunction.Search or QueryFunction.Fuzzy or QueryFunction.MatchText;
}
