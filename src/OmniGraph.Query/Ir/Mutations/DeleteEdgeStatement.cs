using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// <c>delete Edge where …</c> (the predicate may test <c>from</c>/<c>to</c>); counts deleted edges. Deleting edges
/// re-checks <c>@card</c> minimums on the affected sources.
/// </summary>
public sealed class DeleteEdgeStatement : MutationStatement
{
    internal DeleteEdgeStatement(int index, EdgeType type, MutationPredicate where, SourcePosition position)
        : base(index, type, position)
    {
        Type = type;
        Where = where;
    }

    /// <inheritdoc />
    public override MutationStatementKind Kind => MutationStatementKind.DeleteEdge;

    /// <summary>The edge type.</summary>
    public EdgeType Type { get; }

    /// <summary>Which edges to delete.</summary>
    public MutationPredicate Where { get; }
}
