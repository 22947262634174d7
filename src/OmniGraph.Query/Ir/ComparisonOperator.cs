namespace OmniGraph.Query.Ir;

/// <summary>
/// A typed filter operator. The type checker resolves the source spelling <c>contains</c> into
/// <see cref="ListContains"/> or <see cref="StringContains"/> from the left operand's type, so execution never
/// re-derives it.
/// </summary>
public enum ComparisonOperator : byte
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>list contains item</c>: membership of a scalar in a list (also inline <c>{ tags: "x" }</c>).</summary>
    ListContains,

    /// <summary><c>text contains fragment</c>: exact, case-sensitive substring.</summary>
    StringContains,

    /// <summary><c>text starts_with prefix</c>: exact, case-sensitive prefix.</summary>
    StartsWith,
}

/// <summary>Source spellings and helpers of <see cref="ComparisonOperator"/>.</summary>
public static class ComparisonOperators
{
    /// <summary>The operator as written in a query.</summary>
    public static string ToSourceText(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.ListContains or ComparisonOperator.StringContains => "contains",
        ComparisonOperator.StartsWith => "starts_with",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary><c>true</c> for the six ordering comparisons (<c>= != &lt; &lt;= &gt; &gt;=</c>).</summary>
    public static bool IsOrdering(this ComparisonOperator op) => op <= ComparisonOperator.GreaterOrEqual;

    /// <summary>Applies an ordering operator to a three-way comparison result.</summary>
    public static bool Matches(this ComparisonOperator op, int comparison) => op switch
    {
        ComparisonOperator.Equal => comparison == 0,
        ComparisonOperator.NotEqual => comparison != 0,
        ComparisonOperator.Less => comparison < 0,
        ComparisonOperator.LessOrEqual => comparison <= 0,
        ComparisonOperator.Greater => comparison > 0,
        ComparisonOperator.GreaterOrEqual => comparison >= 0,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an ordering comparison"),
    };
}
