using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Planning;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Execution.Runtime;

internal sealed partial class PatternExecutor
{
    private async Task<BindingTable> BindAsync(BindStep step, BindingTable table)
    {
        var variable = step.Variable;
        var type = (NodeType)variable.ElementType;
        var version = context.TableOf(type);
        var predicates = context.Predicates(step.Filters);
        if (predicates is not { } filters)
        {
            return table.Empty();
        }

        KeyBatch? keys = null;
        if (step.IsKeyLookup)
        {
            var values = new QueryValue[step.KeyValues.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = context.Evaluate(step.KeyValues[i]);
            }

            if (KeyIdEncoder.TryEncode(type, values) is not { } id)
            {
                return table.Empty();
            }

            keys = KeyBatch.Of(id);
        }

        ImmutableArray<string> columns = [.. step.Columns.Select(static p => p.Name)];
        var ranking = step.Ranking is { } search ? await RankingAsync(search, step.RankingCutsAtLimit) : null;

        // Every property the query reads is fetched here, so row addresses (for later gathers) are not needed.
        var request = new TableSelectionRequest(keys, filters, columns) { IncludeRowAddresses = false, Ranking = ranking };
        var selection = await context.Grain(version).SelectAsync(version, request, context.CancellationToken);
        var entities = new EntitySet(variable, version, selection.Ids, selection.Rows)
        {
            IsWholeTable = keys is null && filters.IsEmpty && ranking is null,
            Ranking = ranking,
            Scores = selection.Scores,
            ArmRanks = selection.ArmRanks,
        };
        entities.AddColumns(step.Columns, selection.Columns);
        return CrossJoin(table, variable.Id, entities);
    }

    /// <summary>Every row with every entity (row-major: the rows so far keep their order, entities in their order).</summary>
    private BindingTable CrossJoin(BindingTable table, int variableId, EntitySet entities)
    {
        if (table.RowCount == 1)
        {
            return table.BindAll(variableId, entities);
        }

        var total = (long)table.RowCount * entities.Count;
        context.CheckRows(total);
        var rows = new int[total];
        var ordinals = new int[total];
        var next = 0;
        for (var row = 0; row < table.RowCount; row++)
        {
            for (var entity = 0; entity < entities.Count; entity++)
            {
                rows[next] = row;
                ordinals[next++] = entity;
            }
        }

        return table.Extend(rows, [(variableId, entities, ordinals)]);
    }
}
