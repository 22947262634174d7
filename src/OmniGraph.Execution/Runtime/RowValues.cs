using OmniGraph.Arrow;
using OmniGraph.Query.Values;

namespace OmniGraph.Execution.Runtime;

/// <summary>
/// The values of an expression over the rows of a binding table: one constant, or a column with, per row, the index of
/// the row's value in it. A property's column holds one value per entity of its variable and the variable's slot maps
/// rows to entities (so a function of one variable's properties runs once per entity, not per row); a column computed
/// per row has no slot.
/// </summary>
internal readonly struct RowValues
{
    private RowValues(QueryValue constant, ArrowColumn? values, int[]? slot)
    {
        Constant = constant;
        Values = values;
        Slot = slot;
    }

    /// <summary>The constant (when <see cref="IsConstant"/>).</summary>
    public QueryValue Constant { get; }

    /// <summary>The values, or <c>null</c> for a constant.</summary>
    public ArrowColumn? Values { get; }

    /// <summary>Per row, the index of its value in <see cref="Values"/>; <c>null</c> when row i reads value i.</summary>
    public int[]? Slot { get; }

    /// <summary>Whether every row has the same value.</summary>
    public bool IsConstant => Values is null;

    /// <summary>One value for every row.</summary>
    public static RowValues Of(QueryValue constant) => new(constant, null, null);

    /// <summary>Values read through <paramref name="slot"/> (or aligned with the rows when it is <c>null</c>).</summary>
    public static RowValues Of(ArrowColumn values, int[]? slot) => new(default, values, slot);

    /// <summary>The index of row <paramref name="row"/>'s value in <see cref="Values"/>.</summary>
    public int IndexOf(int row) => Slot is null ? row : Slot[row];

    /// <summary>The slot of each of <paramref name="rowCount"/> rows (the identity when the values are aligned with the rows).</summary>
    public int[] Slots(int rowCount)
    {
        if (Slot is not null)
        {
            return Slot;
        }

        var identity = new int[rowCount];
        for (var i = 0; i < identity.Length; i++)
        {
            identity[i] = i;
        }

        return identity;
    }
}
