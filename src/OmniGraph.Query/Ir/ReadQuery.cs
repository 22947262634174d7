using System.Collections.Immutable;
using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// A read query: <c>match { pattern } return { projections } [order { keys }] [limit N]</c>.
/// </summary>
/// <remarks>
/// <para>
/// Evaluation contract (languages.md §2.11): find every assignment of the pattern's top-level variables that
/// satisfies <see cref="Pattern"/> (bindings, traversals, filters, anti-joined negations; unconnected components
/// cross-joined); then either project each row (<see cref="Projections"/>), or, when <see cref="IsAggregate"/>,
/// group by the <see cref="GroupKeys"/> values (nulls group together) and compute the aggregates; then sort by
/// <see cref="Order"/> followed, for non-aggregate queries, by the ids of <see cref="TieBreakVariables"/>
/// ascending; then keep the first <see cref="Limit"/> rows.
/// </para>
/// <para>
/// An aggregate query without group keys returns exactly one row even for zero matches (count 0, other aggregates
/// null); with group keys, zero matches give zero rows.
/// </para>
/// </remarks>
public sealed class ReadQuery : CompiledQuery
{
    internal ReadQuery(
        string name,
        SourcePosition position,
        string? description,
        string? instruction,
        ImmutableArray<QueryParameter> parameters,
        ImmutableArray<QueryParameter> referencedParameters,
        bool usesNow,
        SchemaCatalog schema,
        ImmutableArray<PatternVariable> variables,
        QueryPattern pattern,
        ImmutableArray<Projection> projections,
        ImmutableArray<OrderKey> order,
        long? limit,
        ImmutableArray<PatternVariable> tieBreakVariables,
        SearchOrder? search)
        : base(name, position, description, instruction, parameters, referencedParameters, usesNow, schema)
    {
        Variables = variables;
        Pattern = pattern;
        Projections = projections;
        Order = order;
        Limit = limit;
        TieBreakVariables = tieBreakVariables;
        Search = search;
        var isAggregate = false;
        var keys = ImmutableArray.CreateBuilder<Projection>();
        var names = ImmutableArray.CreateBuilder<string>(projections.Length);
        foreach (var projection in projections)
        {
            isAggregate |= projection.IsAggregate;
            if (projection.IsGroupKey)
            {
                keys.Add(projection);
            }

            names.Add(projection.ColumnName);
        }

        IsAggregate = isAggregate;
        GroupKeys = isAggregate ? keys.DrainToImmutable() : [];
        ColumnNames = names.MoveToImmutable();
    }

    /// <inheritdoc />
    public override QueryKind Kind => QueryKind.Read;

    /// <summary>
    /// Every variable of the query, including those local to negations; <see cref="PatternVariable.Id"/> is the
    /// index, so execution can keep per-variable state in arrays.
    /// </summary>
    public ImmutableArray<PatternVariable> Variables { get; }

    /// <summary>The top-level <c>match</c> pattern.</summary>
    public QueryPattern Pattern { get; }

    /// <summary>Result columns in order.</summary>
    public ImmutableArray<Projection> Projections { get; }

    /// <summary>The result column names, as users see them (<c>p.name</c>, an alias, <c>p</c> for a bare variable…).</summary>
    public ImmutableArray<string> ColumnNames { get; }

    /// <summary><c>true</c> when any projection is an aggregate (the query groups).</summary>
    public bool IsAggregate { get; }

    /// <summary>The non-aggregate projections of an aggregate query (the grouping keys); empty otherwise.</summary>
    public ImmutableArray<Projection> GroupKeys { get; }

    /// <summary>User sort keys, most significant first; empty when the query does not order.</summary>
    public ImmutableArray<OrderKey> Order { get; }

    /// <summary>
    /// Top-level named variables sorted by name (ordinal): after the user keys, rows are ordered by these
    /// variables' ids ascending (edge variables by their edge id), which makes ordered results total. Empty for
    /// aggregate queries (their rows have no identity).
    /// </summary>
    public ImmutableArray<PatternVariable> TieBreakVariables { get; }

    /// <summary>
    /// The search that orders the rows when the first order key is <c>nearest</c>, <c>bm25</c> or <c>rrf</c> (the other
    /// keys are then ignored), or <c>null</c>.
    /// </summary>
    public SearchOrder? Search { get; }

    /// <summary>The row limit, or <c>null</c>.</summary>
    public long? Limit { get; }
}
