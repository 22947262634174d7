using OmniGraph.Schema;

namespace OmniGraph.Query;

/// <summary>
/// A query violates a type rule. <see cref="OmniGraphException.Code"/> is <c>query_type_error</c>; the rule is
/// <see cref="Rule"/> (detail <see cref="ErrorDetail.Rule"/>) and the message reads
/// <c>type error: T7: … (at line L, column C)</c>. A subclass because the linter reports the rule as its finding code.
/// </summary>
public sealed class QueryTypeException : QueryException
{
    /// <summary>Creates the error.</summary>
    public QueryTypeException(TypeRule rule, string reason, SourcePosition position)
        : this(
            ErrorCodes.QueryTypeError,
            Render(rule, reason, position),
            SourceErrorDetails.Of(reason, position.Line, position.Column, ErrorDetail.Rule.With(rule.ToString())),
            null)
    {
    }

    /// <summary>Rebuilds the error from its parts (see <see cref="OmniGraphException.Rebuild"/>).</summary>
    public QueryTypeException(string code, string message, ErrorDetails details, Exception? innerException)
        : base(code, message, details, innerException)
    {
    }

    /// <summary>The violated rule.</summary>
    public TypeRule Rule => Enum.Parse<TypeRule>(RuleCode);

    /// <summary>The rule as text, for example <c>T7</c> (the lint finding code).</summary>
    public string RuleCode => Get(ErrorDetail.Rule) ?? string.Empty;

    private static string Render(TypeRule rule, string reason, SourcePosition position) =>
        position.IsKnown ? $"type error: {rule}: {reason} (at {position})" : $"type error: {rule}: {reason}";
}
