using OmniGraph.Abstractions;
using OmniGraph.Execution.Planning;

namespace OmniGraph.Execution.Runtime;

/// <summary>
/// The intermediate rows of a pattern: for each bound variable, one entity ordinal per row (into the variable's
/// <see cref="EntitySet"/>); optionally a weight per row (how many identical rows it stands for, after a
/// <see cref="CountStep"/>); and, inside a negation, the outer row group each row descends from. Immutable: operators
/// build new tables, sharing the columns they do not change.
/// </summary>
internal sealed class BindingTable
{
    private BindingTable(int rowCount, int[]?[] slots, EntitySet?[] entities, long[]? weights, int[]? origins)
    {
        RowCount = rowCount;
        Slots = slots;
        Entities = entities;
        Weights = weights;
        Origins = origins;
    }

    /// <summary>Rows.</summary>
    public int RowCount { get; }

    /// <summary>Per variable id: the entity ordinal of each row, or <c>null</c> when unbound.</summary>
    public int[]?[] Slots { get; }

    /// <summary>Per variable id: the entities, or <c>null</c> when unbound.</summary>
    public EntitySet?[] Entities { get; }

    /// <summary>The weight of each row, or <c>null</c> when every weight is 1.</summary>
    public long[]? Weights { get; }

    /// <summary>Inside a negation: the seed row each row descends from; otherwise <c>null</c>.</summary>
    public int[]? Origins { get; }

    /// <summary>One row binding nothing: the identity of the cross join.</summary>
    public static BindingTable Unit(int variableCount) => new(1, new int[]?[variableCount], new EntitySet?[variableCount], null, null);

    /// <summary>A table with the given rows already laid out (seeds of a negation).</summary>
    public static BindingTable Create(int rowCount, int[]?[] slots, EntitySet?[] entities, int[]? origins) => new(rowCount, slots, entities, null, origins);

    /// <summary>The weight of row <paramref name="row"/>.</summary>
    public long WeightOf(int row) => Weights?[row] ?? 1;

    /// <summary>The entity ordinals of a bound variable.</summary>
    public int[] SlotOf(int variableId) => Slots[variableId] ?? throw new InvalidOperationException($"variable #{variableId} is not bound");

    /// <summary>The entities of a bound variable.</summary>
    public EntitySet EntitiesOf(int variableId) => Entities[variableId] ?? throw new InvalidOperationException($"variable #{variableId} is not bound");

    /// <summary>Keeps the rows at <paramref name="rows"/> (in that order, repeats allowed).</summary>
    public BindingTable Select(ReadOnlySpan<int> rows)
    {
        var slots = new int[]?[Slots.Length];
        for (var v = 0; v < slots.Length; v++)
        {
            if (Slots[v] is { } source)
            {
                slots[v] = Gather(source, rows);
            }
        }

        return new BindingTable(rows.Length, slots, Entities, Weights is null ? null : Gather(Weights, rows), Origins is null ? null : Gather(Origins, rows));
    }

    /// <summary>
    /// Keeps the rows at <paramref name="rows"/> and binds new variables: <paramref name="bindings"/> gives, per new
    /// variable, the entity ordinal of each kept row.
    /// </summary>
    public BindingTable Extend(ReadOnlySpan<int> rows, ReadOnlySpan<(int VariableId, EntitySet Entities, int[] Ordinals)> bindings)
    {
        var selected = Select(rows);
        var entities = (EntitySet?[])Entities.Clone();
        var slots = selected.Slots;
        foreach (var (variableId, set, ordinals) in bindings)
        {
            entities[variableId] = set;
            slots[variableId] = ordinals;
        }

        return new BindingTable(rows.Length, slots, entities, selected.Weights, selected.Origins);
    }

    /// <summary>
    /// Binds a variable on a one-row table to every entity of <paramref name="entities"/> (a cross join with a single row,
    /// the common case of a component's root): no row index array, the new slot is the identity.
    /// </summary>
    public BindingTable BindAll(int variableId, EntitySet entities)
    {
        if (RowCount != 1)
        {
            throw new InvalidOperationException("BindAll needs a one-row table");
        }

        var count = entities.Count;
        var slots = new int[]?[Slots.Length];
        for (var v = 0; v < slots.Length; v++)
        {
            if (Slots[v] is { } source)
            {
                slots[v] = Repeat(source[0], count);
            }
        }

        var identity = new int[count];
        for (var i = 0; i < count; i++)
        {
            identity[i] = i;
        }

        slots[variableId] = identity;
        var bound = (EntitySet?[])Entities.Clone();
        bound[variableId] = entities;
        return new BindingTable(count, slots, bound, Weights is null ? null : Repeat(Weights[0], count), Origins is null ? null : Repeat(Origins[0], count));
    }

    /// <summary>The same rows with their weights multiplied by <paramref name="factors"/> (one per row).</summary>
    /// <exception cref="OmniGraphException">Code <c>resource_limit</c>: A row would stand for more than <see cref="long.MaxValue"/> rows.</exception>
    public BindingTable Weighted(long[] factors)
    {
        if (Weights is { } weights)
        {
            for (var i = 0; i < factors.Length; i++)
            {
                var product = (Int128)factors[i] * weights[i];
                if (product > long.MaxValue)
                {
                    throw EngineErrors.ResourceLimitExceeded("query rows", long.MaxValue, (long)Int128.Min(product, long.MaxValue));
                }

                factors[i] = (long)product;
            }
        }

        return new BindingTable(RowCount, Slots, Entities, factors, Origins);
    }

    /// <summary>No rows (the same variables bound).</summary>
    public BindingTable Empty() => Select([]);

    private static T[] Repeat<T>(T value, int count)
    {
        var result = new T[count];
        result.AsSpan().Fill(value);
        return result;
    }

    private static T[] Gather<T>(T[] source, ReadOnlySpan<int> rows)
    {
        var result = GC.AllocateUninitializedArray<T>(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = source[rows[i]];
        }

        return result;
    }
}
