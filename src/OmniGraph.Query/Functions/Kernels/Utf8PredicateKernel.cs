using System.Text;
using OmniGraph.Arrow;

namespace OmniGraph.Query.Functions.Kernels;

/// <summary>
/// A Bool function of two Strings (<c>starts_with</c>, <c>contains</c>) with a kernel per shape: column and constant,
/// constant and column, two columns. A null constant makes every row null.
/// </summary>
internal sealed class Utf8PredicateKernel(
    Func<Utf8Column, ReadOnlySpan<byte>, BooleanColumn> columnConstant,
    Func<ReadOnlySpan<byte>, Utf8Column, BooleanColumn> constantColumn,
    Func<Utf8Column, Utf8Column, BooleanColumn> columns) : ScalarKernel
{
    public override ArrowColumn Invoke(ReadOnlySpan<KernelArgument> arguments, int length, FunctionContext context)
    {
        var left = arguments[0];
        var right = arguments[1];
        if ((left.IsConstant && left.Constant.IsNull) || (right.IsConstant && right.Constant.IsNull))
        {
            return KernelValues.Nulls(ArrowType.Boolean, length);
        }

        return (left.Column, right.Column) switch
        {
            (Utf8Column strings, null) => columnConstant(strings, Encoding.UTF8.GetBytes(right.Constant.AsString())),
            (null, Utf8Column strings) => constantColumn(Encoding.UTF8.GetBytes(left.Constant.AsString()), strings),
            (Utf8Column a, Utf8Column b) => columns(a, b),
            _ => throw new InvalidOperationException("a String predicate takes UTF-8 columns and at least one column"),
        };
    }
}
