using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>A filter clause of a pattern: keep rows for which <see cref="Predicate"/> is true (SQL null semantics).</summary>
public sealed class FilterClause : PatternClause
{
    internal FilterClause(FilterPredicate predicate, SourcePosition position)
        : base(position)
    {
        Predicate = predicate;
    }

    /// <inheritdoc />
    public override PatternClauseKind Kind => PatternClauseKind.Filter;

    /// <summary>The typed comparison.</summary>
    public FilterPredicate Predicate { get; }
}
