namespace OmniGraph.Cli.Bench;

/// <summary>
/// The benchmark's operations, in the workload's order (load first, then the reads, the writes last), with our own
/// steps where they measure what they should: branch creation and reads on a fresh branch right after the reads on main
/// (the same warm state), the merges after the other writes (they write main); the history of small commits after the workload
/// (<see cref="AfterWorkload"/>: it compacts main, then adds a thousand commits).
/// </summary>
internal static class BenchStepCatalog
{
    public static IReadOnlyList<IBenchStep> All { get; } =
    [
        new LoadBenchStep(),
        new LookupBenchStep(),
        new FilterBenchStep(),
        new Hop1BenchStep(),
        new Hop2BenchStep(),
        new Reach2BenchStep(),
        new AggBenchStep(),
        new AntiBenchStep(),
        new SearchBenchStep(),
        new BranchCreateBenchStep(),
        new BranchReadBenchStep(),
        new Upsert32BenchStep(),
        new MutationBenchStep(),
        new ConcurrentWritersBenchStep(),
        new Merge32BenchStep(),
        new ChangeFeedBenchStep(),
    ];

    /// <summary>Our own steps after the workload, run once its peak resident set is taken (they add a thousand commits).</summary>
    public static IReadOnlyList<IBenchStep> AfterWorkload { get; } = [new UpsertHistoryBenchStep()];
}
