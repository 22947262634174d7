using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OmniGraph.Arrow;
using OmniGraph.Arrow.Ipc;

namespace OmniGraph.Benchmarks.Arrow;

/// <summary>
/// Arrow IPC speed: reading a 1,000,000-row Int64 column back from an in-memory file and summing it (checksum
/// verification included; the target is at least 1 GB/s), the same without the checksum, and writing the file.
/// Run: dotnet run -c Release --project tests/OmniGraph.Benchmarks -- --filter '*ArrowIpcBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ArrowIpcBenchmarks
{
    private static readonly ArrowReadOptions s_withoutChecksum = new() { VerifyChecksum = false };

    private byte[] _file = [];
    private RecordBatch _batch = null!;
    private ArrayBufferWriter<byte> _output = null!;

    [Params(1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _batch = ArrowBenchmarkData.Int64Batch(Rows);
        _file = ArrowBenchmarkData.Int64File(Rows);
        _output = new ArrayBufferWriter<byte>(_file.Length + 4096);
    }

    /// <summary>Open (validating the footer and the CRC-32C of the whole file), decode the batch, sum the column.</summary>
    [Benchmark(Baseline = true)]
    public long ReadAndSum() => Sum(ArrowFileReader.Open(_file).ReadRecordBatch(0));

    /// <summary>The same without checksum verification: the cost of structural validation and decoding alone.</summary>
    [Benchmark]
    public long ReadAndSumWithoutChecksum() => Sum(ArrowFileReader.Open(_file, s_withoutChecksum).ReadRecordBatch(0));

    /// <summary>Write the whole file (checksum included) into a reused buffer.</summary>
    [Benchmark]
    public int Write()
    {
        _output.ResetWrittenCount();
        var writer = new ArrowFileWriter(_output, ArrowBenchmarkData.Schema);
        writer.WriteRecordBatch(_batch);
        writer.Finish();
        return _output.WrittenCount;
    }

    private static long Sum(RecordBatch batch)
    {
        var values = ((PrimitiveColumn<long>)batch.Column(0)).Values;
        var vectors = MemoryMarshal.Cast<long, Vector<long>>(values);
        var accumulator = Vector<long>.Zero;
        foreach (var vector in vectors)
        {
            accumulator += vector;
        }

        var sum = Vector.Sum(accumulator);
        for (var i = vectors.Length * Vector<long>.Count; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new ArrowThroughputColumn());
        }
    }
}
