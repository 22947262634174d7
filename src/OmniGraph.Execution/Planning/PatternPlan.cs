using System.Collections.Immutable;
using OmniGraph.Query.Ir;

namespace OmniGraph.Execution.Planning;

/// <summary>The physical plan of one pattern (the match block, or one negation): steps over variables bound before (<see cref="Seeds"/>).</summary>
internal sealed class PatternPlan(QueryPattern pattern, ImmutableArray<PatternVariable> seeds, ImmutableArray<PlanStep> steps)
{
    public QueryPattern Pattern { get; } = pattern;

    /// <summary>Variables bound before the pattern runs (the outer variables a negation references).</summary>
    public ImmutableArray<PatternVariable> Seeds { get; } = seeds;

    public ImmutableArray<PlanStep> Steps { get; } = steps;

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Steps);
}
