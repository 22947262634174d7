using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// <c>delete Node where …</c>: deletes the matching nodes and cascades to every edge, of any edge type, whose
/// <c>src</c> or <c>dst</c> is a deleted node. Counts deleted nodes and cascaded edges (each once per query).
/// </summary>
public sealed class DeleteNodeStatement : MutationStatement
{
    internal DeleteNodeStatement(int index, NodeType type, MutationPredicate where, SourcePosition position)
        : base(index, type, position)
    {
        Type = type;
        Where = where;
    }

    /// <inheritdoc />
    public override MutationStatementKind Kind => MutationStatementKind.DeleteNode;

    /// <summary>The node type.</summary>
    public NodeType Type { get; }

    /// <summary>Which nodes to delete.</summary>
    public MutationPredicate Where { get; }
}
