namespace OmniGraph.Cli.Bench;

/// <summary>The benchmark's operations, in the workload's order (load first, then the reads, the writes last).</summary>
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
        new Upsert32BenchStep(),
        new MutationBenchStep(),
        new ConcurrentWritersBenchStep(),
    ];
}
