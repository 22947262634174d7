using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Ingest;
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
    /// nullable properties become null); an unkeyed type gets a fresh ULID. An <c>@embed</c> vector left out is computed
    /// from its source by the configured embedding provider (a null source leaves it null). Counts one node.
    /// </summary>
    private async Task InsertNodeAsync(InsertNodeStatement statement, CancellationToken cancellationToken)
    {
        var type = statement.Type;
        var row = new FieldValue[type.Properties.Length];
        var values = new Dictionary<Property, QueryValue>();
        foreach (var assignment in statement.Assignments)
        {
            var value = Evaluate(assignment.Value);
            values[assignment.Property] = value;
            row[assignment.Property.Ordinal] = ValueAssignment.Assign(type, assignment.Property, value);
        }

        foreach (var target in statement.EmbeddingTargets)
        {
            var source = type.Properties.First(p => p.Name == target.Embed!.SourceProperty);
            if (values.TryGetValue(source, out var text) && !text.IsNull)
            {
                var vector = await EmbedAsync(type, target, text.AsString(), cancellationToken);
                row[target.Ordinal] = ValueAssignment.Assign(type, target, QueryValue.FromVector(vector));
            }
        }

        AssignDefaults(type, statement.Assignments, row);
        RequireProperties(type, row);
        var id = type.HasKey ? NodeIds.Of(type, row) : Ulid.NewUlid().ToString();
        NodesOf(type).Put(new PendingRow(id, row), replacesCommitted: false);
        _insertedOrUpdatedNodes++;
    }

    /// <summary>The <c>@embed</c> vector of <paramref name="text"/> (the property's dimension, its <c>model=</c> checked).</summary>
    private async Task<float[]> EmbedAsync(NodeType type, Property target, string text, CancellationToken cancellationToken)
    {
        try
        {
            return await _embedder.EmbedQueryAsync(text, target.Type.VectorDimension, target.Embed!.Model, cancellationToken);
        }
        catch (OmniGraphException unavailable) when (unavailable.Code == ErrorCodes.EmbeddingUnavailable)
        {
            throw EngineErrors.EmbeddingUnavailable(type.Name, target.Name, target.Embed!.SourceProperty, unavailable.Message);
        }
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

        AssignDefaults(type, statement.Assignments, row);
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

    /// <summary>
    /// Every property the insert leaves out that has a <c>@default</c> gets it (a nullable one too: only an explicit
    /// <c>null</c> stores null). The value is read from the stored form of the default, so it is exactly what a load
    /// that leaves the property out stores.
    /// </summary>
    private static void AssignDefaults(GraphElementType type, ImmutableArray<PropertyAssignment> assignments, FieldValue[] row)
    {
        foreach (var property in type.Properties)
        {
            if (property.Default is not null && !assignments.Any(a => ReferenceEquals(a.Property, property)) && row[property.Ordinal].IsNull)
            {
                row[property.Ordinal] = CellReader.Read(DefaultValueColumn.Create(property, 1), 0, property.Type);
            }
        }
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
