using System.Collections.Immutable;
using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// <c>update Node set { … } where …</c>: sets the assigned properties on every matching node; counts the matched
/// nodes (zero is success).
/// </summary>
public sealed class UpdateNodeStatement : MutationStatement
{
    internal UpdateNodeStatement(int index, NodeType type, ImmutableArray<PropertyAssignment> assignments, MutationPredicate where, SourcePosition position)
        : base(index, type, position)
    {
        Type = type;
        Assignments = assignments;
        Where = where;
        foreach (var assignment in assignments)
        {
            AssignsKeyProperty |= assignment.IsKeyMember;
        }
    }

    /// <inheritdoc />
    public override MutationStatementKind Kind => MutationStatementKind.UpdateNode;

    /// <summary>The node type.</summary>
    public NodeType Type { get; }

    /// <summary>The assignments in source order (at least one).</summary>
    public ImmutableArray<PropertyAssignment> Assignments { get; }

    /// <summary>Which nodes to update.</summary>
    public MutationPredicate Where { get; }

    /// <summary><c>true</c> when an assignment targets a <c>@key</c> member (see <see cref="PropertyAssignment.IsKeyMember"/>).</summary>
    public bool AssignsKeyProperty { get; }
}
