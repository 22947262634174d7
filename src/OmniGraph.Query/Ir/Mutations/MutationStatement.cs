using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>The kinds of <see cref="MutationStatement"/>.</summary>
public enum MutationStatementKind : byte
{
    /// <summary><see cref="InsertNodeStatement"/>.</summary>
    InsertNode,

    /// <summary><see cref="InsertEdgeStatement"/>.</summary>
    InsertEdge,

    /// <summary><see cref="UpdateNodeStatement"/>.</summary>
    UpdateNode,

    /// <summary><see cref="DeleteNodeStatement"/>.</summary>
    DeleteNode,

    /// <summary><see cref="DeleteEdgeStatement"/>.</summary>
    DeleteEdge,
}

/// <summary>
/// One statement of a <see cref="MutationQuery"/>. The target resolves to a node type first, then an edge type
/// of the same name. Statements run in order and see earlier statements' writes.
/// </summary>
public abstract class MutationStatement
{
    private protected MutationStatement(int index, GraphElementType target, SourcePosition position)
    {
        Index = index;
        Target = target;
        Position = position;
    }

    /// <summary>The statement kind (the concrete type).</summary>
    public abstract MutationStatementKind Kind { get; }

    /// <summary>Zero-based position in the query.</summary>
    public int Index { get; }

    /// <summary>The node or edge type written.</summary>
    public GraphElementType Target { get; }

    /// <summary><c>true</c> for deletes (the destructive side of rule D2).</summary>
    public bool IsDestructive => Kind is MutationStatementKind.DeleteNode or MutationStatementKind.DeleteEdge;

    /// <summary>Where the statement starts.</summary>
    public SourcePosition Position { get; }
}
