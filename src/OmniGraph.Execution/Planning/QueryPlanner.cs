using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Query.Ir;
using OmniGraph.Schema;

namespace OmniGraph.Execution.Planning;

/// <summary>
/// Turns a type-checked read query into a physical plan. Per connected component it picks the root binding (a key
/// lookup &gt; an equality on a <c>@unique</c>/<c>@index</c> column &gt; any pushed-down filter &gt; a full scan), pushes
/// single-variable filters and the needed properties down to the table reads, expands traversals from bound variables
/// along the adjacency indexes (turning traversals to variables nothing else reads into counts), evaluates each
/// remaining filter as soon as its variables are bound, anti-joins negations once their outer variables are bound,
/// treats traversals between two bound variables as join filters, and cross-joins unconnected components.
/// </summary>
internal sealed class QueryPlanner
{
    private readonly ReadQuery _query;
    private readonly VariableUsage _usage;

    private QueryPlanner(ReadQuery query)
    {
        _query = query;
        _usage = new VariableUsage(query);
    }

    /// <summary>Plans <paramref name="query"/>.</summary>
    public static QueryPlan Plan(ReadQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var planner = new QueryPlanner(query);
        var match = planner.PlanPattern(query.Pattern, []);
        return new QueryPlan(query, match, planner._usage.All());
    }

    private PatternPlan PlanPattern(QueryPattern pattern, ImmutableArray<PatternVariable> seeds)
    {
        var state = new PatternState(pattern, seeds);
        while (true)
        {
            if (state.Flush(this))
            {
                continue;
            }

            if (TryPlanTraversal(state))
            {
                continue;
            }

            var root = ChooseRoot(state, pattern.Depth == 0 ? _query.Search?.Variable : null);
            if (root is null)
            {
                break;
            }

            state.Steps.Add(PlanBind(root, state));
            state.Bound.Add(root.Id);
        }

        state.Flush(this);
        if (state.Steps is [BindStep { Ranking: not null } only])
        {
            state.Steps[0] = new BindStep(only.Variable, only.KeyValues, only.Filters, only.Columns) { Ranking = only.Ranking, RankingCutsAtLimit = true };
        }

        return new PatternPlan(pattern, seeds, [.. state.Steps]);
    }

    /// <summary>Plans the first pending traversal (in source order) with a bound endpoint.</summary>
    private bool TryPlanTraversal(PatternState state)
    {
        foreach (var traversal in state.PendingTraversals)
        {
            var leftBound = state.Bound.Contains(traversal.Left.Id);
            var rightBound = state.Bound.Contains(traversal.Right.Id);
            if (!leftBound && !rightBound)
            {
                continue;
            }

            state.PendingTraversals.Remove(traversal);
            var min = traversal.MinHops;
            var max = traversal.EffectiveMaxHops;
            if (max < min)
            {
                // A multi-hop over an edge between different node types cannot take a second hop.
                state.Steps.Add(new NeverStep($"{traversal} cannot reach {min} hops"));
                BindTraversal(state, traversal);
                return true;
            }

            if (leftBound && rightBound)
            {
                state.Steps.Add(PlanJoin(traversal, state));
                BindTraversal(state, traversal);
                return true;
            }

            var fromLeft = leftBound;
            var from = fromLeft ? traversal.Left : traversal.Right;
            var to = fromLeft ? traversal.Right : traversal.Left;
            var direction = DirectionOf(traversal, fromLeft);
            if (!fromLeft && max > 1)
            {
                // A breadth-first search is not symmetric under reversal (self-loops emit at the hop after them), so a
                // multi-hop from the right side first binds the left side to every node that can reach the bound one
                // within max hops (a superset), then checks the exact relation from the left.
                state.Steps.Add(PlanExpand(traversal, from, to, direction, 1, max, state));
                state.Bound.Add(to.Id);
                state.Steps.Add(PlanJoin(traversal, state));
                BindTraversal(state, traversal);
                return true;
            }

            if (IsTerminal(traversal, to, state))
            {
                var countEdges = traversal.EdgeVariable is not null || (state.Pattern.Depth > 0 && max == 1);
                state.Steps.Add(new CountStep(traversal, from, direction, min, max, countEdges, state.TakeEdgeFilters(traversal)));
                BindTraversal(state, traversal);
                return true;
            }

            state.Steps.Add(PlanExpand(traversal, from, to, direction, min, max, state));
            BindTraversal(state, traversal);
            return true;
        }

        return false;
    }

    private ExpandStep PlanExpand(Traversal traversal, PatternVariable from, PatternVariable to, ExpansionDirection direction, int min, int max, PatternState state)
    {
        var edgeVariable = traversal.EdgeVariable;
        return new ExpandStep(
            traversal,
            from,
            to,
            direction,
            min,
            max,
            state.TakeEdgeFilters(traversal),
            edgeVariable is null ? [] : _usage.PropertiesOf(edgeVariable),
            state.TakeVariableFilters(to),
            _usage.PropertiesOf(to));
    }

    private JoinStep PlanJoin(Traversal traversal, PatternState state)
    {
        var edgeVariable = traversal.EdgeVariable;
        return new JoinStep(
            traversal,
            DirectionOf(traversal, fromLeft: true),
            traversal.MinHops,
            traversal.EffectiveMaxHops,
            state.TakeEdgeFilters(traversal),
            edgeVariable is null ? [] : _usage.PropertiesOf(edgeVariable));
    }

    private static void BindTraversal(PatternState state, Traversal traversal)
    {
        state.Bound.Add(traversal.Left.Id);
        state.Bound.Add(traversal.Right.Id);
        if (traversal.EdgeVariable is { } edge)
        {
            state.Bound.Add(edge.Id);
        }
    }

    /// <summary>
    /// A traversal's new variable is terminal when nothing but the traversal reads it (no other clause, no filter, no
    /// property, no sort key, no result column other than a bare <c>count</c>), and the same holds for its edge
    /// variable, whose filters are then evaluated on the edges. Then only the number of neighbours matters.
    /// </summary>
    private bool IsTerminal(Traversal traversal, PatternVariable to, PatternState state)
    {
        if (!IsUnreadElsewhere(to, traversal, state))
        {
            return false;
        }

        return traversal.EdgeVariable is not { } edge || IsUnreadElsewhere(edge, traversal, state);
    }

    private bool IsUnreadElsewhere(PatternVariable variable, Traversal traversal, PatternState state)
    {
        if (!variable.InlineFilters.IsEmpty || !_usage.PropertiesOf(variable).IsEmpty || state.HasVariableFilters(variable) || state.IsReferencedElsewhere(variable, traversal))
        {
            return false;
        }

        if (variable.Depth > 0)
        {
            return true;
        }

        // A named variable is part of the row's identity when the result is ordered (ids break ties).
        return !_usage.IsReadByResult(variable) && (_query.IsAggregate || _query.Order.IsEmpty || variable.IsAnonymous);
    }

    private static ExpansionDirection DirectionOf(Traversal traversal, bool fromLeft) => traversal.Direction switch
    {
        TraversalDirection.Forward => fromLeft ? ExpansionDirection.Outgoing : ExpansionDirection.Incoming,
        TraversalDirection.Reverse => fromLeft ? ExpansionDirection.Incoming : ExpansionDirection.Outgoing,
        _ => ExpansionDirection.Both,
    };

    /// <summary>The best unbound node variable to start a component from, or <c>null</c> when every variable is bound.</summary>
    private static PatternVariable? ChooseRoot(PatternState state, PatternVariable? ranked)
    {
        // The ranked variable is read first: its table read ranks the candidates its own filters leave (spec §2.6).
        if (ranked is not null && !state.Bound.Contains(ranked.Id))
        {
            return ranked;
        }

        PatternVariable? best = null;
        var bestScore = -1;
        foreach (var variable in state.Pattern.Variables)
        {
            if (variable.Kind != VariableKind.Node || state.Bound.Contains(variable.Id))
            {
                continue;
            }

            var score = AccessScore(variable, state.FiltersOf(variable));
            if (score > bestScore)
            {
                best = variable;
                bestScore = score;
            }
        }

        return best;
    }

    private static int AccessScore(PatternVariable variable, IReadOnlyList<PushdownFilter> filters)
    {
        if (!KeyValuesOf(variable, filters).IsEmpty)
        {
            return 3;
        }

        foreach (var filter in filters)
        {
            if (filter.Operator == Abstractions.ColumnPredicateOperator.Equal && IsIndexed(variable.ElementType, filter.Column))
            {
                return 2;
            }
        }

        return filters.Count > 0 ? 1 : 0;
    }

    private static bool IsIndexed(GraphElementType type, string column)
    {
        foreach (var unique in type.UniqueConstraints)
        {
            if (unique.Columns.Length == 1 && unique.Columns[0] == column)
            {
                return true;
            }
        }

        foreach (var index in type.IndexConstraints)
        {
            if (index.Columns.Length == 1 && index.Columns[0] == column)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The constants of equality filters covering every <c>@key</c> member (in key order), or empty.</summary>
    private static ImmutableArray<QueryExpression> KeyValuesOf(PatternVariable variable, IReadOnlyList<PushdownFilter> filters)
    {
        if (variable.NodeType is not { HasKey: true } node)
        {
            return [];
        }

        var values = ImmutableArray.CreateBuilder<QueryExpression>(node.KeyProperties.Length);
        foreach (var member in node.KeyProperties)
        {
            QueryExpression? value = null;
            foreach (var filter in filters)
            {
                if (filter.Operator == Abstractions.ColumnPredicateOperator.Equal && filter.Column == member.Name)
                {
                    value = filter.Constant;
                    break;
                }
            }

            if (value is null)
            {
                return [];
            }

            values.Add(value);
        }

        return values.MoveToImmutable();
    }

    private BindStep PlanBind(PatternVariable variable, PatternState state)
    {
        var filters = state.TakeVariableFilters(variable);
        var ranking = state.Pattern.Depth == 0 && ReferenceEquals(_query.Search?.Variable, variable) ? _query.Search : null;
        return new BindStep(variable, KeyValuesOf(variable, filters), filters, _usage.PropertiesOf(variable)) { Ranking = ranking };
    }

    /// <summary>The mutable bookkeeping of planning one pattern.</summary>
    private sealed class PatternState
    {
        private readonly Dictionary<int, List<PushdownFilter>> _pushdown = [];
        private readonly List<FilterPredicate> _pendingFilters = [];
        private readonly List<NegationClause> _pendingNegations;

        public PatternState(QueryPattern pattern, ImmutableArray<PatternVariable> seeds)
        {
            Pattern = pattern;
            foreach (var seed in seeds)
            {
                Bound.Add(seed.Id);
            }

            PendingTraversals = [.. pattern.Traversals];
            _pendingNegations = [.. pattern.Negations];
            var owned = new HashSet<int>(pattern.Variables.Select(static v => v.Id));
            foreach (var variable in pattern.Variables)
            {
                foreach (var inline in variable.InlineFilters)
                {
                    AddPushdown(variable, PushdownTranslator.TryTranslate(inline)
                        ?? throw new InvalidOperationException($"inline match {inline} is not a property-constant comparison"));
                }
            }

            foreach (var clause in pattern.Clauses)
            {
                switch (clause)
                {
                    case FilterClause filter:
                        AddFilter(filter.Predicate, owned);
                        break;
                    case NodeBinding binding when binding.Variable.Depth != pattern.Depth:
                        // A binding of an outer variable inside a negation restricts the anti-join, not the outer scan.
                        foreach (var inline in binding.Filters)
                        {
                            _pendingFilters.Add(inline);
                        }

                        break;
                }
            }
        }

        public QueryPattern Pattern { get; }

        public HashSet<int> Bound { get; } = [];

        public List<PlanStep> Steps { get; } = [];

        public List<Traversal> PendingTraversals { get; }

        public IReadOnlyList<PushdownFilter> FiltersOf(PatternVariable variable) =>
            _pushdown.TryGetValue(variable.Id, out var list) ? list : [];

        public bool HasVariableFilters(PatternVariable variable)
        {
            if (_pushdown.TryGetValue(variable.Id, out var list) && list.Count > 0)
            {
                return true;
            }

            foreach (var filter in _pendingFilters)
            {
                if (filter.Variables.Contains(variable))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether another traversal or a negation of this pattern references the variable.</summary>
        public bool IsReferencedElsewhere(PatternVariable variable, Traversal except)
        {
            foreach (var traversal in Pattern.Traversals)
            {
                if (!ReferenceEquals(traversal, except)
                    && (ReferenceEquals(traversal.Left, variable) || ReferenceEquals(traversal.Right, variable) || ReferenceEquals(traversal.EdgeVariable, variable)))
                {
                    return true;
                }
            }

            // `$a knows $a` reads its variable twice.
            if (ReferenceEquals(except.Left, except.Right))
            {
                return true;
            }

            foreach (var negation in Pattern.Negations)
            {
                if (negation.OuterVariables.Contains(variable))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Removes and returns the pushed-down filters of a variable bound by this pattern.</summary>
        public ImmutableArray<PushdownFilter> TakeVariableFilters(PatternVariable variable)
        {
            if (!_pushdown.Remove(variable.Id, out var list))
            {
                return [];
            }

            return [.. list];
        }

        public ImmutableArray<PushdownFilter> TakeEdgeFilters(Traversal traversal) =>
            traversal.EdgeVariable is { } edge ? TakeVariableFilters(edge) : [];

        /// <summary>Emits the filters and negations whose variables are all bound; <c>true</c> when it emitted something.</summary>
        public bool Flush(QueryPlanner planner)
        {
            var emitted = false;
            for (var i = 0; i < _pendingFilters.Count; i++)
            {
                var filter = _pendingFilters[i];
                if (filter.Variables.All(v => Bound.Contains(v.Id)))
                {
                    Steps.Add(new FilterStep(filter));
                    _pendingFilters.RemoveAt(i--);
                    emitted = true;
                }
            }

            for (var i = 0; i < _pendingNegations.Count; i++)
            {
                var negation = _pendingNegations[i];
                if (negation.OuterVariables.All(v => Bound.Contains(v.Id)))
                {
                    Steps.Add(new AntiJoinStep(negation, planner.PlanPattern(negation.Pattern, negation.OuterVariables)));
                    _pendingNegations.RemoveAt(i--);
                    emitted = true;
                }
            }

            return emitted;
        }

        private void AddFilter(FilterPredicate predicate, HashSet<int> owned)
        {
            if (PushdownTranslator.TryTranslate(predicate) is { } pushed && owned.Contains(pushed.Variable.Id))
            {
                AddPushdown(pushed.Variable, pushed);
                return;
            }

            _pendingFilters.Add(predicate);
        }

        private void AddPushdown(PatternVariable variable, PushdownFilter filter)
        {
            if (!_pushdown.TryGetValue(variable.Id, out var list))
            {
                _pushdown[variable.Id] = list = [];
            }

            list.Add(filter);
        }
    }
}
