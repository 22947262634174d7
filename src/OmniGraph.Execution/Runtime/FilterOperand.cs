using System.Text;
using OmniGraph.Arrow;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Execution.Runtime;

/// <summary>One side of a filter evaluated on rows: a constant, or a column read through row slots.</summary>
internal abstract class FilterOperand
{
    /// <summary>Whether the value of row <paramref name="row"/> is null.</summary>
    public abstract bool IsNull(int row);

    /// <summary>The value as a scalar (not for strings or lists).</summary>
    public abstract QueryValue Scalar(int row);

    /// <summary>The value as UTF-8 (strings only).</summary>
    public abstract ReadOnlySpan<byte> Utf8(int row);

    /// <summary>The value's list elements (list properties only): the child column and the element range.</summary>
    public abstract (ArrowColumn Values, int Start, int Length) List(int row);

    /// <summary>The entity whose value row <paramref name="row"/> reads (constants: 0).</summary>
    public abstract int EntityOf(int row);
}

/// <summary>A constant: a literal, a parameter or a call of constants (<c>now()</c>).</summary>
internal sealed class ConstantOperand(QueryValue value) : FilterOperand
{
    private readonly byte[] _utf8 = value.Kind == QueryValueKind.String ? Encoding.UTF8.GetBytes(value.AsString()) : [];

    public QueryValue Value { get; } = value;

    /// <summary>For a constant list of strings, each item as UTF-8 (encoded once, not per row).</summary>
    public byte[][] ListItemsUtf8 { get; } = value.Kind == QueryValueKind.List
        ? [.. value.AsList().Select(static item => item.Kind == QueryValueKind.String ? Encoding.UTF8.GetBytes(item.AsString()) : [])]
        : [];

    public override bool IsNull(int row) => Value.IsNull;

    public override QueryValue Scalar(int row) => Value;

    public override ReadOnlySpan<byte> Utf8(int row) => _utf8;

    public override (ArrowColumn Values, int Start, int Length) List(int row) =>
        throw new InvalidOperationException("a constant list is not a list column");

    public override int EntityOf(int row) => 0;
}

/// <summary>Values per row: a property of a bound variable (one value per entity, the slot one entity per row) or a computed column.</summary>
internal sealed class ColumnOperand(ArrowColumn column, int[] slot, PropertyType type) : FilterOperand
{
    private readonly ScalarKind _scalar = CellReader.ScalarOf(type);

    public override bool IsNull(int row) => column.IsNull(slot[row]);

    public override QueryValue Scalar(int row) => CellReader.Scalar(column, slot[row], _scalar);

    public override ReadOnlySpan<byte> Utf8(int row) => ((Utf8Column)column).GetBytes(slot[row]);

    public override (ArrowColumn Values, int Start, int Length) List(int row)
    {
        var list = (ListColumn)column;
        var (start, length) = list.GetValueRange(slot[row]);
        return (list.Values, start, length);
    }

    public override int EntityOf(int row) => slot[row];
}
