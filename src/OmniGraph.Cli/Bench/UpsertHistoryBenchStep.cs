using System.Text;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Bench;

/// <summary>
/// <c>upsert32_after10_p50_ms</c>, <c>upsert32_after1000_p50_ms</c> and <c>upsert32_history_growth</c> (our own keys):
/// whether a small commit's cost grows with the number of small commits before it. <c>optimize</c> first compacts every
/// table of main (so what came before this step does not count), then 10 one-row upserts of a person (each its own
/// commit, untimed), then 10 rounds of upsert32; then 990 more one-row upserts and 10 more rounds. Each one-row upsert
/// leaves a fragment in the table until the next compaction, and the figure after 1,000 against the one after 10 is how
/// the write path's cost follows that history.
/// </summary>
internal sealed class UpsertHistoryBenchStep : IBenchStep
{
    private const int Rounds = 10;
    private const int Few = 10;
    private const int Many = 1_000;

    public string Name => "upsert history";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await context.Graph.OptimizeAsync(cancellationToken: cancellationToken);
        var id = context.Parameters.LookupIds[0];
        var person = BenchPersons.Read(context.DataFile("person.csv"), [id])[id];

        await OneRowUpsertsAsync(context, person, 0, Few, cancellationToken);
        var work = Work.Start();
        var (few, _) = await Upsert32BenchStep.MeasureAsync(context, Rounds, firstRound: 100, cancellationToken);
        work.Record(context, "upsert32_after10", Rounds);
        await OneRowUpsertsAsync(context, person, Few, Many, cancellationToken);
        work = Work.Start();
        var (many, _) = await Upsert32BenchStep.MeasureAsync(context, Rounds, firstRound: 200, cancellationToken);
        work.Record(context, "upsert32_after1000", Rounds);

        var fewMedian = BenchContext.Median(few);
        var manyMedian = BenchContext.Median(many);
        context.Results["upsert32_after10_p50_ms"] = fewMedian;
        context.Results["upsert32_after1000_p50_ms"] = manyMedian;
        context.Results["upsert32_history_growth"] = Math.Round(manyMedian / fewMedian, 2);
    }

    /// <summary>One-row merge loads of <paramref name="person"/> (a new score each), numbered from <paramref name="from"/> up to <paramref name="to"/>.</summary>
    private static async Task OneRowUpsertsAsync(BenchContext context, string[] person, int from, int to, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            line.Clear();
            BenchPersons.AppendLine(line, person, 1_000 + i);
            await context.Graph.LoadJsonlAsync(line.ToString(), GraphLoadMode.Merge, cancellationToken: cancellationToken);
        }
    }

    /// <summary>The process CPU time and managed allocations since <see cref="Start"/>.</summary>
    private readonly record struct Work(TimeSpan Cpu, long Allocated)
    {
        public static Work Start() => new(BenchContext.ProcessCpu(), GC.GetTotalAllocatedBytes(precise: true));

        /// <summary>Records the CPU milliseconds and allocated kilobytes per round since the start under <paramref name="prefix"/>.</summary>
        public void Record(BenchContext context, string prefix, int rounds)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - Allocated;
            var cpu = BenchContext.ProcessCpu() - Cpu;
            context.Results[$"{prefix}_cpu_ms"] = Math.Round(cpu.TotalMilliseconds / rounds, 2);
            context.Results[$"{prefix}_allocated_kb"] = Math.Round(allocated / 1024.0 / rounds, 1);
        }
    }
}
