using System.Collections.Immutable;
using OmniGraph.Query.Ir;
using OmniGraph.Schema;

namespace OmniGraph.Execution.Planning;

/// <summary>
/// The physical plan of a read query: the match pattern's steps, and for each variable the properties anything
/// downstream reads (fetched when the variable is bound: late materialization of the rest). Immutable and free of
/// parameter values, so it is cached with the compiled query.
/// </summary>
internal sealed class QueryPlan(ReadQuery query, PatternPlan match, ImmutableArray<ImmutableArray<Property>> requiredProperties)
{
    public ReadQuery Query { get; } = query;

    public PatternPlan Match { get; } = match;

    /// <summary>Per variable id: the properties read after binding (sorted by property ordinal).</summary>
    public ImmutableArray<ImmutableArray<Property>> RequiredProperties { get; } = requiredProperties;

    /// <summary>The plan as text (one step per line; negations inline).</summary>
    public string Describe() => Match.ToString();
}
