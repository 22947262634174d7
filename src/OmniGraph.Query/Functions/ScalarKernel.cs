using OmniGraph.Arrow;
using OmniGraph.Query.Values;

namespace OmniGraph.Query.Functions;

/// <summary>
/// Computes a scalar function over many rows at once, on column memory: every argument is either a column of
/// <c>length</c> values or one constant for every row, and the result is a column of <c>length</c> values of the
/// function's result type, in the engine's layout (Utf8 for String, Int64 for I64, Boolean for Bool, millisecond UTC
/// timestamps for DateTime). A caller passes at least one column unless the function takes no arguments; a call whose
/// arguments are all constants is evaluated once, on columns of one value.
/// </summary>
public abstract class ScalarKernel
{
    /// <summary>The function's values for <paramref name="length"/> rows.</summary>
    public abstract ArrowColumn Invoke(ReadOnlySpan<KernelArgument> arguments, int length, FunctionContext context);
}

/// <summary>One argument of a kernel call: a column (one value per row) or a constant (the same value for every row).</summary>
public readonly struct KernelArgument
{
    private KernelArgument(ArrowColumn? column, QueryValue constant)
    {
        Column = column;
        Constant = constant;
    }

    /// <summary>The column, or <c>null</c> for a constant.</summary>
    public ArrowColumn? Column { get; }

    /// <summary>The constant (possibly null: an optional parameter left out); meaningless for a column.</summary>
    public QueryValue Constant { get; }

    /// <summary>Whether the argument is one value for every row.</summary>
    public bool IsConstant => Column is null;

    /// <summary>A column argument.</summary>
    public static KernelArgument Of(ArrowColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return new KernelArgument(column, default);
    }

    /// <summary>A constant argument.</summary>
    public static KernelArgument Of(QueryValue constant) => new(null, constant);
}
