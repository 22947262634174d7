using BenchmarkDotNet.Attributes;
using OmniGraph.Abstractions;

namespace OmniGraph.Benchmarks.Engine;

/// <summary>
/// A warm snapshot resolve of the branch head: one existence probe of the next manifest version on local disk, whatever
/// the history depth (strongly consistent: a commit by another process is seen by the next resolve).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SnapshotResolveBenchmarks
{
    private EngineBenchmarkGraph _graph = null!;

    [Params(10, 1_000)]
    public int Commits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _graph = EngineBenchmarkGraph.CreateAsync(1_000).GetAwaiter().GetResult();
        for (var i = 1; i < Commits; i++)
        {
            _graph.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main,
                [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, EngineBenchmarkGraph.Persons(i % 900, 1, ageOffset: i))])).GetAwaiter().GetResult();
        }

        ResolveHead().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _graph.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Resolves the head of main.</summary>
    [Benchmark]
    public Task<GraphSnapshot> ResolveHead() => _graph.Client.ResolveSnapshotAsync(SnapshotTarget.Head());
}
