using System.Collections.Immutable;
using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// <c>not { … }</c>: an anti-join. An outer row survives when the inner <see cref="Pattern"/> has no match with the
/// outer variables fixed to the row's values. Inner-only variables are local to the negation.
/// </summary>
public sealed class NegationClause : PatternClause
{
    internal NegationClause(QueryPattern pattern, ImmutableArray<PatternVariable> outerVariables, SourcePosition position)
        : base(position)
    {
        Pattern = pattern;
        OuterVariables = outerVariables;
    }

    /// <inheritdoc />
    public override PatternClauseKind Kind => PatternClauseKind.Negation;

    /// <summary>The inner pattern (its <see cref="QueryPattern.Depth"/> is one more than the enclosing pattern's).</summary>
    public QueryPattern Pattern { get; }

    /// <summary>
    /// Variables bound outside this negation that the inner pattern (including nested negations) references,
    /// ordered by <see cref="PatternVariable.Id"/>: the correlation keys of the anti-join. Never empty (rule T9).
    /// </summary>
    public ImmutableArray<PatternVariable> OuterVariables { get; }
}
