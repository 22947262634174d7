using OmniGraph.Schema;

namespace OmniGraph.Query;

/// <summary>
/// A query violates a type rule. <see cref="OmniGraphException.Code"/> is <c>query_type_error</c>; the rule is
/// <see cref="Rule"/> and the message reads <c>type error: T7: … (at line L, column C)</c>.
/// </summary>
public sealed class QueryTypeException : QueryException
{
    public QueryTypeException(TypeRule rule, string reason, SourcePosition position)
        : base(QueryErrorCodes.TypeError, Render(rule, reason, position), reason, position)
    {
        Rule = rule;
    }

    /// <summary>The violated rule.</summary>
    public TypeRule Rule { get; }

    /// <summary>The rule as text, for example <c>T7</c> (the lint finding code).</summary>
    public string RuleCode => Rule.ToString();

    private static string Render(TypeRule rule, string reason, SourcePosition position) =>
        position.IsKnown ? $"type error: {rule}: {reason} (at {position})" : $"type error: {rule}: {reason}";
}
