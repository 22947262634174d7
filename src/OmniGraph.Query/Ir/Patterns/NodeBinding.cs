using System.Collections.Immutable;
using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// <c>$v: Type { prop: value, … }</c>: the variable ranges over the node type, restricted by the inline matches
/// (equality for scalar properties, membership for list properties). A later binding of a variable a traversal
/// introduced constrains that variable; it does not start a new scan.
/// </summary>
public sealed class NodeBinding : PatternClause
{
    internal NodeBinding(PatternVariable variable, ImmutableArray<FilterPredicate> filters, SourcePosition position)
        : base(position)
    {
        Variable = variable;
        Filters = filters;
    }

    /// <inheritdoc />
    public override PatternClauseKind Kind => PatternClauseKind.Binding;

    /// <summary>The bound variable.</summary>
    public PatternVariable Variable { get; }

    /// <summary>This binding's inline matches as predicates over <see cref="Variable"/> (possibly empty).</summary>
    public ImmutableArray<FilterPredicate> Filters { get; }
}
