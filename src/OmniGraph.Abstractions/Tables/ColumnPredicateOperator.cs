namespace OmniGraph.Abstractions;

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

    /// <summary>
    /// Full-text <c>search</c>: the analyzed String cell holds every analyzed term of the value. Answered from the
    /// table version's text index, never row by row (docs/search.md).
    /// </summary>
    TextAllTerms,

    /// <summary>Full-text <c>match_text</c>: the analyzed cell holds the value's terms as a phrase (same relative positions).</summary>
    TextPhrase,

    /// <summary>
    /// Full-text <c>fuzzy</c>: for every analyzed term of the value the cell holds a term within its edit budget
    /// (<see cref="ColumnPredicate.MaxEdits"/>, or by term length when <c>null</c>).
    /// </summary>
    TextFuzzy,
}
