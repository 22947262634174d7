using System.Collections.Immutable;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Planning;
using OmniGraph.Schema;

namespace OmniGraph.Execution.Runtime;

/// <summary>
/// Runs a <see cref="PatternPlan"/> over a <see cref="BindingTable"/>: each step reads the table grains at the pinned
/// snapshot's versions (selections with pushed-down filters, traversals along adjacency indexes, gathers of the
/// properties still missing) and produces the next table.
/// </summary>
internal sealed partial class PatternExecutor(QueryExecutionContext context)
{
    private readonly ExpressionEvaluator _evaluator = new(context);

    /// <summary>Runs the steps of <paramref name="plan"/> from <paramref name="table"/>.</summary>
    public async Task<BindingTable> RunAsync(PatternPlan plan, BindingTable table)
    {
        foreach (var step in plan.Steps)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (table.RowCount == 0)
            {
                break;
            }

            table = step switch
            {
                BindStep bind => await BindAsync(bind, table),
                ExpandStep expand => await ExpandAsync(expand, table),
                CountStep count => await CountAsync(count, table, weighted: plan.Pattern.Depth == 0),
                JoinStep join => await JoinAsync(join, table),
                FilterStep filter => await FilterAsync(filter, table),
                AntiJoinStep antiJoin => await AntiJoinAsync(antiJoin, table),
                NeverStep => table.Empty(),
                _ => throw new InvalidOperationException($"unknown plan step {step}"),
            };
            context.CheckRows(table.RowCount);
        }

        return table;
    }

    /// <summary>
    /// The distinct entities of a variable the rows use, as source ids for a table read, and each entity's position
    /// among them (-1 when unused). Entities keep their ordinal order, so results follow it deterministically.
    /// </summary>
    private static (KeyBatch Sources, int[] PositionOf, TableVersionRef? WholeTable) UsedSources(BindingTable table, int variableId)
    {
        var entities = table.EntitiesOf(variableId);
        var slot = table.SlotOf(variableId);
        var positionOf = new int[entities.Count];
        positionOf.AsSpan().Fill(-1);
        foreach (var entity in slot)
        {
            positionOf[entity] = 0;
        }

        var usedCount = 0;
        for (var entity = 0; entity < positionOf.Length; entity++)
        {
            if (positionOf[entity] == 0)
            {
                positionOf[entity] = usedCount++;
            }
        }

        if (usedCount == entities.Count)
        {
            // Every entity is used: positions are the ordinals and the ids serve as they are.
            return (new KeyBatch(entities.Ids), positionOf, entities.IsWholeTable ? entities.Table : null);
        }

        var used = new int[usedCount];
        for (var entity = 0; entity < positionOf.Length; entity++)
        {
            if (positionOf[entity] >= 0)
            {
                used[positionOf[entity]] = entity;
            }
        }

        return (new KeyBatch(entities.Ids.Take(used)), positionOf, null);
    }

    /// <summary>Fetches the missing property columns of an entity set (by row address when known, else by id).</summary>
    public async Task EnsureColumnsAsync(EntitySet entities, IReadOnlyList<Property> properties)
    {
        var missing = new List<Property>();
        foreach (var property in properties)
        {
            if (!entities.HasColumn(property) && !missing.Contains(property))
            {
                missing.Add(property);
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        ImmutableArray<string> names = [.. missing.Select(static p => p.Name)];
        var grain = context.Grain(entities.Table);
        if (entities.HasRows)
        {
            entities.AddColumns(missing, await grain.GatherAsync(entities.Table, entities.Rows, names, context.CancellationToken));
            return;
        }

        var selection = await grain.SelectAsync(entities.Table, new TableSelectionRequest(new KeyBatch(entities.Ids), [], names), context.CancellationToken);
        if (selection.RowCount != entities.Count)
        {
            throw MissingNodes(entities.Table, entities.Ids, selection.InputPositions);
        }

        entities.AddColumns(missing, selection.Columns);
    }

    /// <summary>An edge names a node its node table does not hold: stored data is inconsistent, never papered over.</summary>
    private static CorruptObjectException MissingNodes(TableVersionRef nodeTable, Utf8Column ids, ImmutableArray<int> found)
    {
        var present = new HashSet<int>(found);
        var missing = Enumerable.Range(0, ids.Length).First(i => !present.Contains(i));
        return new CorruptObjectException(
            nodeTable.Key ?? nodeTable.Table,
            $"an edge names node '{ids.GetString(missing)}', which {nodeTable.Table} (version {nodeTable.Version}) does not hold");
    }
}
