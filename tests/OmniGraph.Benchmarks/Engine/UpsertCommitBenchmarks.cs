using BenchmarkDotNet.Attributes;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;

namespace OmniGraph.Benchmarks.Engine;

/// <summary>
/// One commit upserting 32 existing persons into a table of 10 k or 1 M rows, on local disk, durable (every object
/// fsynced before the commit returns). The cost must follow the change, not the table: both sizes should take about
/// the same time (the step's target is a p50 of at most 10 ms at 1 M rows, and at most 1.5× the 10 k figure).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class UpsertCommitBenchmarks
{
    private const int Variants = 64;

    private EngineBenchmarkGraph _graph = null!;
    private RecordBatch[] _batches = null!;
    private int _next;

    [Params(10_000, 1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _graph = EngineBenchmarkGraph.CreateAsync(Rows).GetAwaiter().GetResult();
        var random = new Random(42);
        _batches = new RecordBatch[Variants];
        for (var i = 0; i < Variants; i++)
        {
            _batches[i] = EngineBenchmarkGraph.Persons(random.Next(0, Rows - 32), 32, ageOffset: i + 1);
        }

        // Warm the table grain (its key and unique indexes are built by the first write).
        Upsert32().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _graph.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Upserts 32 persons (new ages) as one commit.</summary>
    [Benchmark]
    public Task<GraphWriteResult> Upsert32()
    {
        var batch = _batches[_next++ % Variants];
        return _graph.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, batch)])
        {
            RetryOnReadSetChange = true,
            Writer = "load",
        });
    }
}
