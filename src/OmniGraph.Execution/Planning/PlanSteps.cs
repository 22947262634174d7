using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Query.Ir;
using OmniGraph.Schema;

namespace OmniGraph.Execution.Planning;

/// <summary>One operator of a <see cref="PatternPlan"/>; steps run in order over one binding table.</summary>
internal abstract class PlanStep
{
    /// <summary>A one-line description for plan dumps and tests.</summary>
    public abstract string Describe();

    /// <inheritdoc />
    public override string ToString() => Describe();
}

/// <summary>
/// Binds a variable from its node table (the root of a connected component): a key lookup when its inline matches fix
/// the whole <c>@key</c>, otherwise a selection with the pushed-down filters (the table grain uses a <c>@unique</c> or
/// <c>@index</c> index for an equality when it has one). Cross-joined with the rows so far.
/// </summary>
internal sealed class BindStep(PatternVariable variable, ImmutableArray<QueryExpression> keyValues, ImmutableArray<PushdownFilter> filters, ImmutableArray<Property> columns) : PlanStep
{
    /// <summary>
    /// The search that ranks this variable's rows (the query's <see cref="ReadQuery.Search"/>), or <c>null</c>: the table
    /// read returns the ranked rows best first, so entity ordinals are ranks.
    /// </summary>
    public SearchOrder? Ranking { get; init; }

    /// <summary>
    /// Whether nothing after this read can drop or multiply rows (it is the whole plan), so a <c>bm25</c> ranking may
    /// stop at the query's limit instead of ranking every match.
    /// </summary>
    public bool RankingCutsAtLimit { get; init; }

    public PatternVariable Variable { get; } = variable;

    /// <summary>The key members' values in <c>KeyProperties</c> order, or empty for a selection.</summary>
    public ImmutableArray<QueryExpression> KeyValues { get; } = keyValues;

    public ImmutableArray<PushdownFilter> Filters { get; } = filters;

    public ImmutableArray<Property> Columns { get; } = columns;

    public bool IsKeyLookup => !KeyValues.IsEmpty;

    public override string Describe() =>
        $"bind {Variable.DisplayName}: {Variable.ElementType.Name} by {(IsKeyLookup ? "key" : Filters.IsEmpty ? "scan" : "filtered scan")}"
        + (Filters.IsEmpty ? string.Empty : $" [{string.Join(", ", Filters)}]")
        + (Ranking is { } ranking ? $" ranked by {ranking}" : string.Empty);
}

/// <summary>
/// Follows a traversal from a bound variable to a new one along the edge table's adjacency index (one row per distinct
/// (row, neighbour) pair, or per edge with an edge variable), then resolves the new variable in its node table when it
/// has filters or needs properties.
/// </summary>
internal sealed class ExpandStep(
    Traversal traversal,
    PatternVariable from,
    PatternVariable to,
    ExpansionDirection direction,
    int minHops,
    int maxHops,
    ImmutableArray<PushdownFilter> edgeFilters,
    ImmutableArray<Property> edgeColumns,
    ImmutableArray<PushdownFilter> targetFilters,
    ImmutableArray<Property> targetColumns) : PlanStep
{
    public Traversal Traversal { get; } = traversal;

    public PatternVariable From { get; } = from;

    public PatternVariable To { get; } = to;

    public ExpansionDirection Direction { get; } = direction;

    public int MinHops { get; } = minHops;

    public int MaxHops { get; } = maxHops;

    /// <summary>The edge variable bound by this step (one row per edge), or <c>null</c>.</summary>
    public PatternVariable? EdgeVariable => Traversal.EdgeVariable;

    public ImmutableArray<PushdownFilter> EdgeFilters { get; } = edgeFilters;

    public ImmutableArray<Property> EdgeColumns { get; } = edgeColumns;

    public ImmutableArray<PushdownFilter> TargetFilters { get; } = targetFilters;

    public ImmutableArray<Property> TargetColumns { get; } = targetColumns;

    /// <summary>Whether the new variable is looked up in its node table (filters or properties needed).</summary>
    public bool ResolvesTarget => !TargetFilters.IsEmpty || !TargetColumns.IsEmpty;

    public override string Describe() =>
        $"expand {From.DisplayName} -{Traversal.Edge.Name}/{Direction}{{{MinHops},{MaxHops}}}-> {To.DisplayName}"
        + (EdgeVariable is { } w ? $" edge {w.DisplayName}" : string.Empty)
        + (TargetFilters.IsEmpty ? string.Empty : $" [{string.Join(", ", TargetFilters)}]");
}

/// <summary>
/// A traversal whose far variable (and edge variable) nothing else reads: instead of a row per neighbour, each row's
/// weight is multiplied by its number of distinct neighbours (or matching edges), and rows without any are dropped.
/// </summary>
internal sealed class CountStep(Traversal traversal, PatternVariable from, ExpansionDirection direction, int minHops, int maxHops, bool countEdges, ImmutableArray<PushdownFilter> edgeFilters) : PlanStep
{
    public Traversal Traversal { get; } = traversal;

    public PatternVariable From { get; } = from;

    public ExpansionDirection Direction { get; } = direction;

    public int MinHops { get; } = minHops;

    public int MaxHops { get; } = maxHops;

    /// <summary>Count matching edges (one row per edge) rather than distinct neighbours.</summary>
    public bool CountEdges { get; } = countEdges;

    public ImmutableArray<PushdownFilter> EdgeFilters { get; } = edgeFilters;

    public override string Describe() =>
        $"count {From.DisplayName} -{Traversal.Edge.Name}/{Direction}{{{MinHops},{MaxHops}}}-> {(CountEdges ? "edges" : "neighbours")}";
}

/// <summary>
/// A traversal whose two endpoints are already bound (a cycle-closing edge, or the exact check after a reverse
/// candidate expansion): keeps the rows where the path exists; with an edge variable, one row per such edge.
/// </summary>
internal sealed class JoinStep(Traversal traversal, ExpansionDirection direction, int minHops, int maxHops, ImmutableArray<PushdownFilter> edgeFilters, ImmutableArray<Property> edgeColumns) : PlanStep
{
    public Traversal Traversal { get; } = traversal;

    public ExpansionDirection Direction { get; } = direction;

    public int MinHops { get; } = minHops;

    public int MaxHops { get; } = maxHops;

    public ImmutableArray<PushdownFilter> EdgeFilters { get; } = edgeFilters;

    public ImmutableArray<Property> EdgeColumns { get; } = edgeColumns;

    public override string Describe() =>
        $"join {Traversal.Left.DisplayName} -{Traversal.Edge.Name}/{Direction}{{{MinHops},{MaxHops}}}-> {Traversal.Right.DisplayName}";
}

/// <summary>A filter evaluated on the rows once its variables are bound (SQL null semantics).</summary>
internal sealed class FilterStep(FilterPredicate predicate) : PlanStep
{
    public FilterPredicate Predicate { get; } = predicate;

    public override string Describe() => $"filter {Predicate}";
}

/// <summary><c>not { … }</c>: runs the inner plan once over the distinct outer values it references and drops the rows it matches.</summary>
internal sealed class AntiJoinStep(NegationClause negation, PatternPlan inner) : PlanStep
{
    public NegationClause Negation { get; } = negation;

    public PatternPlan Inner { get; } = inner;

    public override string Describe() =>
        $"anti-join on ({string.Join(", ", Negation.OuterVariables.Select(static v => v.DisplayName))}) {{ {string.Join("; ", Inner.Steps)} }}";
}

/// <summary>A clause that can match nothing (a multi-hop that cannot leave its first hop): the rows become empty.</summary>
internal sealed class NeverStep(string reason) : PlanStep
{
    public string Reason { get; } = reason;

    public override string Describe() => $"never ({Reason})";
}
