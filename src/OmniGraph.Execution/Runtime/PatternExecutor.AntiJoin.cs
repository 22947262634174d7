using System.Runtime.InteropServices;
using OmniGraph.Execution.Planning;

namespace OmniGraph.Execution.Runtime;

internal sealed partial class PatternExecutor
{
    /// <summary>
    /// <c>not { … }</c>: the distinct combinations of the outer variables the negation references become the seed rows
    /// of the inner plan (one run for all rows, nested negations recursing the same way); outer rows whose combination
    /// the inner plan matches are dropped. A negation that is one traversal to an anonymous end needs no seeds: it keeps
    /// the rows whose source the edge grain reports without a neighbour.
    /// </summary>
    private async Task<BindingTable> AntiJoinAsync(AntiJoinStep step, BindingTable table)
    {
        if (step.Inner.Steps is [CountStep existence])
        {
            // `not { $x edge $_ }`: the rows whose source has no neighbour, straight from the existence bits.
            return await ExistenceFilterAsync(existence, table, keepWithNeighbour: false);
        }

        var outer = step.Negation.OuterVariables;
        var width = outer.Length;
        var outerSlots = new int[width][];
        for (var i = 0; i < width; i++)
        {
            outerSlots[i] = table.SlotOf(outer[i].Id);
        }

        var (seedOfRow, seedSlots) = width == 1 ? SeedsOfOne(table, outerSlots[0], outer[0].Id) : SeedsOfMany(table, outerSlots);
        var seedCount = seedSlots[0].Length;
        var slots = new int[]?[table.Slots.Length];
        var entities = new EntitySet?[table.Entities.Length];
        for (var i = 0; i < width; i++)
        {
            slots[outer[i].Id] = seedSlots[i];
            entities[outer[i].Id] = table.EntitiesOf(outer[i].Id);
        }

        var origins = new int[seedCount];
        for (var seed = 0; seed < origins.Length; seed++)
        {
            origins[seed] = seed;
        }

        var inner = await RunAsync(step.Inner, BindingTable.Create(seedCount, slots, entities, origins));
        var matched = new bool[seedCount];
        for (var row = 0; row < inner.RowCount; row++)
        {
            matched[inner.Origins![row]] = true;
        }

        var kept = new List<int>(table.RowCount);
        for (var row = 0; row < table.RowCount; row++)
        {
            if (!matched[seedOfRow[row]])
            {
                kept.Add(row);
            }
        }

        return kept.Count == table.RowCount ? table : table.Select(CollectionsMarshal.AsSpan(kept));
    }

    /// <summary>One outer variable: the seeds are its entities the rows use, in ordinal order (no hashing).</summary>
    private static (int[] SeedOfRow, int[][] SeedSlots) SeedsOfOne(BindingTable table, int[] slot, int variableId)
    {
        var seedOfEntity = new int[table.EntitiesOf(variableId).Count];
        seedOfEntity.AsSpan().Fill(-1);
        foreach (var entity in slot)
        {
            seedOfEntity[entity] = 0;
        }

        var entities = new List<int>();
        for (var entity = 0; entity < seedOfEntity.Length; entity++)
        {
            if (seedOfEntity[entity] == 0)
            {
                seedOfEntity[entity] = entities.Count;
                entities.Add(entity);
            }
        }

        var seedOfRow = new int[slot.Length];
        for (var row = 0; row < seedOfRow.Length; row++)
        {
            seedOfRow[row] = seedOfEntity[slot[row]];
        }

        return (seedOfRow, [entities.ToArray()]);
    }

    /// <summary>Several outer variables: the distinct tuples of their entities, in order of first appearance.</summary>
    private static (int[] SeedOfRow, int[][] SeedSlots) SeedsOfMany(BindingTable table, int[][] outerSlots)
    {
        var width = outerSlots.Length;
        var seeds = new IntTupleIndex(width, Math.Min(table.RowCount, 1 << 16));
        var seedOfRow = new int[table.RowCount];
        Span<int> tuple = stackalloc int[width];
        for (var row = 0; row < table.RowCount; row++)
        {
            for (var i = 0; i < width; i++)
            {
                tuple[i] = outerSlots[i][row];
            }

            seedOfRow[row] = seeds.Intern(tuple);
        }

        var seedSlots = new int[width][];
        for (var i = 0; i < width; i++)
        {
            seedSlots[i] = new int[seeds.Count];
            for (var seed = 0; seed < seeds.Count; seed++)
            {
                seedSlots[i][seed] = seeds[seed][i];
            }
        }

        return (seedOfRow, seedSlots);
    }
}
