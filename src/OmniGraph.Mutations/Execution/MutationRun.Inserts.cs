using OmniGraph.Engine;
using OmniGraph.Mutations.Pending;
using OmniGraph.Mutations.Values;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Mutations.Execution;

internal sealed partial class MutationRun
{
    /// <summary>
    /// <c>insert Node { … }</c>: a keyed type's id is its key (an existing node with that key is replaced whole, unassigned
    /// nullable properties become null); an unkeyed type gets a fresh ULID. Counts one node.
    /// </summary>
    private void InsertNode(InsertNodeStatement statement)
    {
        var type = statement.Type;
        if (!statement.EmbeddingTargets.IsEmpty)
        {
            // The type checker lets a required @embed vector be left out when its source is assigned; computing it needs
            // an embedding provider, which does not exist yet: refuse clearly rather than store a placeholder.
            var target = statement.EmbeddingTargets[0];
            throw EngineErrors.EmbeddingUnavailable(type.Name, target.Name, target.Embed!.SourceProperty);
        }

        var row = new FieldValue[type.Properties.Length];
        foreach (var assignment in statement.Assignments)
        {
            row[assignment.Property.Ordinal] = ValueAssignment.Assign(type, assignment.Property, Evaluate(assignment.Value));
        }

        RequireProperties(type, row);
        var id = type.HasKey ? NodeIds.Of(type, row) : Ulid.NewUlid().ToString();
        NodesOf(type).Put(new PendingRow(id, row), replacesCommitted: false);
        _insertedOrUpdatedNodes++;
    }

    /// <summary>
    /// <c>insert Edge { from: …, to: …, … }</c>: always a new edge with a fresh ULID (parallel edges are allowed); its
    /// endpoints must exist when the query commits, which the write validator checks on the post-image. Counts one edge.
    /// </summary>
    private void InsertEdge(InsertEdgeStatement statement)
    {
        var type = statement.Type;
        var source = Endpoint(type, "from", Evaluate(statement.From));
        var target = Endpoint(type, "to", Evaluate(statement.To));
        var row = new FieldValue[type.Properties.Length];
        foreach (var assignment in statement.Assignments)
        {
            row[assignment.Property.Ordinal] = ValueAssignment.Assign(type, assignment.Property, Evaluate(assignment.Value));
        }

        RequireProperties(type, row);
        EdgesOf(type).Add(new PendingRow(Ulid.NewUlid().ToString(), row, source, target));
        _insertedEdges++;
    }

    private static string Endpoint(EdgeType type, string name, QueryValue value)
    {
        if (value.Kind != QueryValueKind.String)
        {
            var reason = value.IsNull ? "is null" : $"is a {value.Kind}, not a node id";
            throw EngineErrors.MutationValue(ErrorCodes.ConstraintViolation, type.Name, name, $"edge {type.Name}: `{name}` {reason}");
        }

        return value.AsString();
    }

    /// <summary>Every non-nullable property has a value (the type checker guarantees it for literals and parameters; this keeps the rule whole).</summary>
    private static void RequireProperties(GraphElementType type, FieldValue[] row)
    {
        foreach (var property in type.Properties)
        {
            if (!property.IsNullable && row[property.Ordinal].IsNull)
            {
                throw EngineErrors.MutationValue(ErrorCodes.ConstraintViolation, type.Name, property.Name, $"missing required property '{property.Name}'");
            }
        }
    }
}
