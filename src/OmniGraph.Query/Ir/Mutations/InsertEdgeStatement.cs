using System.Collections.Immutable;
using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// <c>insert Edge { from: …, to: …, props… }</c>: always creates a new edge with a fresh ULID id (parallel edges
/// are allowed). <see cref="From"/> and <see cref="To"/> are String node ids (key values for keyed nodes),
/// checked for existence at commit. Counts one affected edge.
/// </summary>
public sealed class InsertEdgeStatement : MutationStatement
{
    internal InsertEdgeStatement(
        int index,
        EdgeType type,
        QueryExpression from,
        QueryExpression to,
        ImmutableArray<PropertyAssignment> assignments,
        SourcePosition position)
        : base(index, type, position)
    {
        Type = type;
        From = from;
        To = to;
        Assignments = assignments;
    }

    /// <inheritdoc />
    public override MutationStatementKind Kind => MutationStatementKind.InsertEdge;

    /// <summary>The edge type.</summary>
    public EdgeType Type { get; }

    /// <summary>The source node id (of <see cref="EdgeType.From"/>).</summary>
    public QueryExpression From { get; }

    /// <summary>The target node id (of <see cref="EdgeType.To"/>).</summary>
    public QueryExpression To { get; }

    /// <summary>Edge property assignments in source order (possibly empty).</summary>
    public ImmutableArray<PropertyAssignment> Assignments { get; }
}
