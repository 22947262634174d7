using BenchmarkDotNet.Attributes;
using OmniGraph.Abstractions;

namespace OmniGraph.Benchmarks.Engine;

/// <summary>
/// Branch creation and the merge of a 32-row change, into a Person table of 10 k or 1 M rows on local disk, durable.
/// Both must follow the change, not the table: creation writes one registry record (no data copied), and a merge examines
/// the ids the branch changed, found from the table versions' fragment lists (the targets: creation at most 5 ms
/// at both sizes; the merge at 1 M at most 1.5× the 10 k figure). Each merge iteration gets a fresh branch with 32 changed
/// persons while main changed 32 others (a three-way merge); the branch is deleted after it.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BranchMergeBenchmarks
{
    private EngineBenchmarkGraph _graph = null!;
    private int _next;
    private string _branch = string.Empty;

    [Params(10_000, 1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => _graph = EngineBenchmarkGraph.CreateAsync(Rows).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _graph.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Creates a branch at main's head (a registry record).</summary>
    [Benchmark]
    public Task<BranchInfo> CreateBranch() => _graph.Client.CreateBranchAsync($"create-{_next++}");

    [IterationSetup(Target = nameof(Merge32))]
    public void PrepareMerge()
    {
        var round = _next++;
        _branch = $"merge-{round}";
        var start = (round * 64) % (Rows - 64);
        _graph.Client.CreateBranchAsync(_branch).GetAwaiter().GetResult();
        Upsert(_branch, start, round + 1);
        Upsert(BranchNames.Main, start + 32, round + 1);
    }

    /// <summary>Merges the branch's 32 changed persons into main, which changed 32 others.</summary>
    [Benchmark]
    [InvocationCount(1)]
    public Task<BranchMergeResult> Merge32() => _graph.Client.MergeBranchAsync(new BranchMergeRequest(_branch));

    [IterationCleanup(Target = nameof(Merge32))]
    public void DeleteMerged() => _graph.Client.DeleteBranchAsync(_branch).GetAwaiter().GetResult();

    private void Upsert(string branch, int start, int ageOffset) =>
        _graph.Client.WriteAsync(new GraphWriteRequest(branch, [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, EngineBenchmarkGraph.Persons(start, 32, ageOffset))]))
            .GetAwaiter().GetResult();
}
