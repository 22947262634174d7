using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Ingest;
using OmniGraph.Mutations.Pending;
using OmniGraph.Mutations.Values;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Values;

namespace OmniGraph.Mutations.Execution;

internal sealed partial class MutationRun
{
    /// <summary>
    /// <c>update Node set { … } where p op v</c>: matches the committed rows of the snapshot and the rows earlier statements
    /// wrote (those win over the committed row with the same id), sets the assigned properties and writes every matched
    /// row whole (an upsert). Counts the matched rows; matching none is a success. Assigning a <c>@key</c> member is
    /// refused, but only when something matches. An <c>@embed</c> vector follows its source: setting the source without
    /// the vector recomputes the vector.
    /// </summary>
    private async Task UpdateNodesAsync(UpdateNodeStatement statement, CancellationToken cancellationToken)
    {
        var type = statement.Type;
        var where = statement.Where;
        var value = Evaluate(where.Value);
        _nodes.TryGetValue(type.TableName, out var pending);

        var matched = new List<PendingRow>();
        if (pending is not null)
        {
            var ordinal = where.Property!.Ordinal;
            foreach (var row in pending.Rows)
            {
                if (QueryValueComparer.Evaluate(where.Operator, row.Values[ordinal].Value, value))
                {
                    matched.Add(row);
                }
            }
        }

        var committed = await _committed.FindRowsAsync(type, where, value, id => pending?.Contains(id) == true);
        var committedCount = 0;
        foreach (var batch in committed)
        {
            committedCount += batch.Length;
        }

        if (matched.Count + committedCount == 0)
        {
            return;
        }

        if (statement.AssignsKeyProperty)
        {
            var key = statement.Assignments.First(static a => a.IsKeyMember);
            throw EngineErrors.KeyPropertyUpdate(type.Name, key.Property.Name);
        }

        // The assigned values are the same for every matched row: convert and check them once.
        var assigned = new (int Ordinal, FieldValue Value)[statement.Assignments.Length];
        for (var i = 0; i < assigned.Length; i++)
        {
            var assignment = statement.Assignments[i];
            assigned[i] = (assignment.Property.Ordinal, ValueAssignment.Assign(type, assignment.Property, Evaluate(assignment.Value)));
        }

        assigned = [.. assigned, .. await FollowingEmbeddingsAsync(statement, cancellationToken)];

        pending ??= NodesOf(type);
        var layout = TableLayout.For(type);
        foreach (var batch in committed)
        {
            var ids = (Utf8Column)batch.Column(TableLayout.IdColumnIndex);
            for (var row = 0; row < batch.Length; row++)
            {
                var values = new FieldValue[type.Properties.Length];
                foreach (var property in type.Properties)
                {
                    values[property.Ordinal] = CellReader.Read(batch.Column(layout.ColumnOf(property)), row, property.Type);
                }

                var copy = new PendingRow(ids.GetString(row), values);
                pending.Put(copy, replacesCommitted: true);
                matched.Add(copy);
            }
        }

        foreach (var row in matched)
        {
            foreach (var (ordinal, fieldValue) in assigned)
            {
                row.Values[ordinal] = fieldValue;
            }
        }

        _insertedOrUpdatedNodes += matched.Count;
    }

    /// <summary>
    /// The <c>@embed</c> vectors an update must recompute: those whose source it assigns and which it does not assign
    /// itself. Every matched row gets the same source text, so each vector is computed once for the statement; a source
    /// set to null leaves a nullable vector null and is refused for a required one (as an insert without it would be).
    /// </summary>
    private async Task<List<(int Ordinal, FieldValue Value)>> FollowingEmbeddingsAsync(UpdateNodeStatement statement, CancellationToken cancellationToken)
    {
        var type = statement.Type;
        var recomputed = new List<(int Ordinal, FieldValue Value)>();
        foreach (var target in type.Properties)
        {
            if (target.Embed is not { } embed || statement.Assignments.Any(a => a.Property == target))
            {
                continue;
            }

            var source = statement.Assignments.FirstOrDefault(a => string.Equals(a.Property.Name, embed.SourceProperty, StringComparison.Ordinal));
            if (source is null)
            {
                continue;
            }

            var text = Evaluate(source.Value);
            if (text.IsNull)
            {
                if (!target.IsNullable)
                {
                    throw EngineErrors.MutationValue(ErrorCodes.ConstraintViolation, type.Name, target.Name, $"missing required property '{target.Name}': its @embed source '{embed.SourceProperty}' is set to null");
                }

                recomputed.Add((target.Ordinal, ValueAssignment.Assign(type, target, QueryValue.Null)));
                continue;
            }

            var vector = await EmbedAsync(type, target, text.AsString(), cancellationToken);
            recomputed.Add((target.Ordinal, ValueAssignment.Assign(type, target, QueryValue.FromVector(vector))));
        }

        return recomputed;
    }
}
