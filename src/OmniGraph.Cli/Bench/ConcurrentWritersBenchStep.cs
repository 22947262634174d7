using System.Diagnostics;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Bench;

/// <summary>
/// <c>writers1_commits_per_s</c>, <c>writers16_commits_per_s</c> and <c>writers16_speedup</c> (our own keys; the peers'
/// workload has no concurrent writers): one writer makes 48 one-node insert mutations one after another, then 16 writers
/// make 12 each at the same time (distinct new persons, each insert its own commit), on the same graph; the figures are
/// commits per second of wall time, and the ratio of the two. <c>writers1_cpu_ms_per_commit</c>,
/// <c>writers16_cpu_ms_per_commit</c> and <c>writers16_allocated_kb_per_commit</c> are the process CPU time per commit of
/// each phase and the bytes allocated per commit with 16 writers: what caps the 16 writers on a small machine (the rounds
/// are shared, the work per commit is not). Runs after the single-row mutations (it adds persons).
/// Afterwards the step checks the person count and that every write is its own commit.
/// </summary>
internal sealed class ConcurrentWritersBenchStep : IBenchStep
{
    private const int Writers = 16;
    private const int EachWriter = 12;
    private const int Alone = 48;

    private const string Source = """
        query insert_person($id: String) {
            insert Person { id_str: $id, name: "writer", age: 40, city: "Lima", joined: date("2024-03-04"), score: 1.5 }
        }
        """;

    public string Name => "writers";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var before = await PersonsAsync(context, cancellationToken);
        var firstVersion = (await context.Graph.ResolveSnapshotAsync(SnapshotTarget.Head(), cancellationToken)).ManifestVersion;

        var start = Stopwatch.GetTimestamp();
        var cpu = BenchContext.ProcessCpu();
        await WriteAsync(context, "alone", Alone, cancellationToken);
        var aloneSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var aloneCpu = BenchContext.ProcessCpu() - cpu;

        start = Stopwatch.GetTimestamp();
        cpu = BenchContext.ProcessCpu();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => WriteAsync(context, $"w{w}", EachWriter, cancellationToken)));
        var togetherSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var togetherCpu = BenchContext.ProcessCpu() - cpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        var expected = Alone + (Writers * EachWriter);
        var after = await context.Graph.ResolveSnapshotAsync(SnapshotTarget.Head(), cancellationToken);
        if (after.GetTable("node:Person").RowCount != before + expected || after.ManifestVersion != firstVersion + expected)
        {
            throw CliErrors.BenchData($"after {expected} inserts Person holds {after.GetTable("node:Person").RowCount} rows (expected {before + expected}) at manifest version {after.ManifestVersion} (expected {firstVersion + expected})");
        }

        var alone = Alone / aloneSeconds;
        var together = Writers * EachWriter / togetherSeconds;
        context.Results["writers1_commits_per_s"] = Math.Round(alone, 1);
        context.Results["writers16_commits_per_s"] = Math.Round(together, 1);
        context.Results["writers16_speedup"] = Math.Round(together / alone, 2);
        context.Results["writers1_cpu_ms_per_commit"] = Math.Round(aloneCpu.TotalMilliseconds / Alone, 2);
        context.Results["writers16_cpu_ms_per_commit"] = Math.Round(togetherCpu.TotalMilliseconds / (Writers * EachWriter), 2);
        context.Results["writers16_allocated_kb_per_commit"] = Math.Round(allocated / 1024.0 / (Writers * EachWriter), 1);
    }

    private static async Task WriteAsync(BenchContext context, string writer, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            var change = await context.Graph.MutateAsync(Source, "insert_person", $$"""{"id":"bench-{{writer}}-{{i}}"}""", cancellationToken: cancellationToken);
            if (change.Commit is null || change.AffectedNodes != 1)
            {
                throw CliErrors.BenchData($"writer {writer}: insert {i} affected {change.AffectedNodes} nodes and published {(change.Commit is null ? "no commit" : "a commit")}");
            }
        }
    }

    private static async Task<long> PersonsAsync(BenchContext context, CancellationToken cancellationToken) =>
        (await context.Graph.ResolveSnapshotAsync(SnapshotTarget.Head(), cancellationToken)).GetTable("node:Person").RowCount;
}
