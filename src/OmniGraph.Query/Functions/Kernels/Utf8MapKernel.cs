using OmniGraph.Arrow;

namespace OmniGraph.Query.Functions.Kernels;

/// <summary>A function of one String (<c>lower</c>, <c>upper</c>, <c>trim</c>, <c>length</c>): one column kernel over the argument's UTF-8 column.</summary>
internal sealed class Utf8MapKernel(Func<Utf8Column, ArrowColumn> map) : ScalarKernel
{
    public override ArrowColumn Invoke(ReadOnlySpan<KernelArgument> arguments, int length, FunctionContext context) =>
        map(arguments[0].Column as Utf8Column
            ?? throw new InvalidOperationException($"a String function takes a UTF-8 column, got {(arguments[0].IsConstant ? "a constant" : arguments[0].Column!.Type.ToString())}"));
}
