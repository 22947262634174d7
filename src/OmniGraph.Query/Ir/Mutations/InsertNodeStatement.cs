using System.Collections.Immutable;
using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// <c>insert Node { … }</c>. For a keyed type the node id is the key value and the insert is an upsert that
/// replaces the whole row (unassigned nullable properties become null); an unkeyed type gets a fresh ULID id.
/// Counts one affected node.
/// </summary>
public sealed class InsertNodeStatement : MutationStatement
{
    internal InsertNodeStatement(int index, NodeType type, ImmutableArray<PropertyAssignment> assignments, ImmutableArray<Property> embeddingTargets, SourcePosition position)
        : base(index, type, position)
    {
        Type = type;
        Assignments = assignments;
        EmbeddingTargets = embeddingTargets;
    }

    /// <inheritdoc />
    public override MutationStatementKind Kind => MutationStatementKind.InsertNode;

    /// <summary>The node type.</summary>
    public NodeType Type { get; }

    /// <summary>The assignments in source order (at least one; every required property is covered).</summary>
    public ImmutableArray<PropertyAssignment> Assignments { get; }

    /// <summary>
    /// Required <c>Vector</c> properties with <c>@embed</c> that were omitted because their source property is
    /// assigned (languages.md §2.8): their values come from the embedding provider at execution.
    /// </summary>
    public ImmutableArray<Property> EmbeddingTargets { get; }
}
