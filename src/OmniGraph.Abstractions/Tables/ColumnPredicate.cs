namespace OmniGraph.Abstractions;

/// <summary>
/// A filter a table grain evaluates while it selects rows: <c>column op value</c> over one column of the table. Numbers
/// compare exactly across kinds (an I32 column never equals 2.7; NaN is the largest float), strings by code point,
/// booleans <c>false &lt; true</c>; a null cell never matches.
/// </summary>
/// <param name="Column">The column name (a property, or <c>id</c>/<c>src</c>/<c>dst</c>).</param>
/// <param name="Operator">The operator.</param>
/// <param name="Value">The constant.</param>
[GenerateSerializer]
[Immutable]
public sealed record ColumnPredicate(
    [property: Id(0)] string Column,
    [property: Id(1)] ColumnPredicateOperator Operator,
    [property: Id(2)] PredicateValue Value)
{
    /// <summary>The edit budget of a <see cref="ColumnPredicateOperator.TextFuzzy"/> predicate (0 to 2), or <c>null</c> for the budget by term length.</summary>
    [Id(3)]
    public int? MaxEdits { get; init; }

    /// <summary>Whether the predicate is a full-text match, answered from the search indexes rather than row by row.</summary>
    public bool IsTextMatch => Operator is ColumnPredicateOperator.TextAllTerms or ColumnPredicateOperator.TextPhrase or ColumnPredicateOperator.TextFuzzy;

    /// <inheritdoc />
    public override string ToString() => $"{Column} {Operator} {Value}";
}
