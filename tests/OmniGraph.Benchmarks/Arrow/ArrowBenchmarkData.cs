using OmniGraph.Arrow;
using OmniGraph.Arrow.Ipc;

namespace OmniGraph.Benchmarks.Arrow;

/// <summary>The deterministic input of the Arrow benchmarks, rebuilt identically by the host to compute throughput.</summary>
internal static class ArrowBenchmarkData
{
    public static readonly ArrowSchema Schema = new([new ArrowField("value", ArrowType.Int64, isNullable: false)]);

    public static RecordBatch Int64Batch(int rows)
    {
        var builder = new PrimitiveColumnBuilder<long>(ArrowType.Int64);
        var random = new Random(42);
        for (var i = 0; i < rows; i++)
        {
            builder.Append(random.NextInt64(-1_000_000, 1_000_000));
        }

        return new RecordBatch(Schema, [builder.Build()]);
    }

    public static byte[] Int64File(int rows) => ArrowFileWriter.WriteToArray(Schema, [Int64Batch(rows)]);
}
