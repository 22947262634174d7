using BenchmarkDotNet.Attributes;

namespace OmniGraph.Benchmarks.Ingest;

/// <summary>
/// JSONL intake speed: the shared workload's load file parsed, validated and converted into columnar fragments,
/// fed in 4 MiB chunks, fragments dropped as they fill (as a consumer that writes them out). The default size is the
/// S scale (10,000 persons, about 110,000 records, 9 MB) synthesized in gen.py's shapes; the M-scale target
/// (at most 2 s for 92 MB) is checked by <c>ingest-check</c> (see <see cref="IngestWorkloadCheck"/>).
/// Run: dotnet run -c Release --project tests/OmniGraph.Benchmarks -- --filter '*JsonlIntakeBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class JsonlIntakeBenchmarks
{
    private const int ChunkSize = 4 * 1024 * 1024;

    private IngestWorkload _workload = null!;

    [Params(10_000)]
    public int Persons { get; set; }

    /// <summary>Parse lanes (<see cref="OmniGraph.Ingest.JsonlIntakeOptions.ParseParallelism"/>): one, and two cores.</summary>
    [Params(1, 2)]
    public int ParseParallelism { get; set; }

    [GlobalSetup]
    public void Setup() => _workload = IngestWorkload.Synthesize(Persons);

    /// <summary>The whole file into fragments; returns the entity count so the work cannot be elided.</summary>
    [Benchmark]
    public long Intake()
    {
        var result = _workload.Run(ChunkSize, static _ => { }, parseParallelism: ParseParallelism);
        return result.TotalEntities;
    }

    /// <summary>The same in 64 KiB chunks (an HTTP body): more partial lines carried between chunks.</summary>
    [Benchmark]
    public long IntakeSmallChunks() => _workload.Run(64 * 1024, static _ => { }, parseParallelism: ParseParallelism).TotalEntities;
}
