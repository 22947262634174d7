using OmniGraph.Arrow;

namespace OmniGraph.Query.Functions.Kernels;

/// <summary><c>now()</c>: the execution's timestamp in every row.</summary>
internal sealed class NowKernel : ScalarKernel
{
    public override ArrowColumn Invoke(ReadOnlySpan<KernelArgument> arguments, int length, FunctionContext context)
    {
        var values = new long[length];
        values.AsSpan().Fill(context.NowMilliseconds);
        var builder = new PrimitiveColumnBuilder<long>(ArrowType.TimestampMillisecondUtc);
        builder.AppendRange(values);
        return builder.Build();
    }
}
