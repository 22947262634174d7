namespace OmniGraph.Engine;

/// <summary>
/// The operators of a <see cref="ColumnPredicate"/>. Every operator is false for a null cell (SQL three-valued logic:
/// <see cref="NotEqual"/> included).
/// </summary>
public enum ColumnPredicateOperator : byte
{
    /// <summary><c>column = value</c>.</summary>
    Equal,

    /// <summary><c>column != value</c>.</summary>
    NotEqual,

    /// <summary><c>column &lt; value</c>.</summary>
    Less,

    /// <summary><c>column &lt;= value</c>.</summary>
    LessOrEqual,

    /// <summary><c>column &gt; value</c>.</summary>
    Greater,

    /// <summary><c>column &gt;= value</c>.</summary>
    GreaterOrEqual,

    /// <summary>The string column contains the value (exact, case-sensitive substring).</summary>
    Contains,

    /// <summary>The string column starts with the value (exact, case-sensitive prefix).</summary>
    StartsWith,

    /// <summary>The string column's value occurs inside the constant (<c>"text" contains $v.p</c>).</summary>
    ContainedIn,

    /// <summary>The string column's value is a prefix of the constant (<c>"text" starts_with $v.p</c>).</summary>
    PrefixOf,

    /// <summary>The list column has an element equal to the value (membership).</summary>
    ListContains,
}
