using System.Diagnostics;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Bench;

/// <summary>
/// <c>insert1_p50_ms</c> and <c>update1_p50_ms</c> (our own keys; the peers' workload has no single-row mutations): 50
/// times each, after 10 warm-up runs, a one-node insert mutation of a new person and a one-row update by key of an
/// existing person's <c>score</c>, each acknowledged and durable; <c>insert1_allocated_kb</c>, what the process allocated
/// per timed insert (the silo runs in it). Runs last: it adds persons. Afterwards the step checks
/// the person count and the last updated score.
/// </summary>
internal sealed class MutationBenchStep : IBenchStep
{
    private const int Rounds = 50;
    private const int Warmup = 10;

    private const string Source = """
        query insert_person($id: String) {
            insert Person { id_str: $id, name: "bench", age: 30, city: "Berlin", joined: date("2024-01-02"), score: 0.5 }
        }
        query set_score($id: String, $score: F64) { update Person set { score: $score } where id_str = $id }
        """;

    public string Name => "mutations";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var before = (await context.Graph.ResolveSnapshotAsync(SnapshotTarget.Head(), cancellationToken)).GetTable("node:Person").RowCount;
        var inserts = new List<double>(Rounds);
        var allocatedBefore = 0L;
        for (var i = 0; i < Warmup + Rounds; i++)
        {
            if (i == Warmup)
            {
                allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            }

            var start = Stopwatch.GetTimestamp();
            var change = await context.Graph.MutateAsync(Source, "insert_person", $$"""{"id":"bench-insert-{{i}}"}""", cancellationToken: cancellationToken);
            Require(change, nodes: 1);
            if (i >= Warmup)
            {
                inserts.Add(BenchContext.ElapsedMilliseconds(start));
            }
        }

        // Everything the process allocated while the timed inserts ran (the silo is in this process: the client, the
        // grains, the commit protocol and Orleans' own work), per insert.
        var allocatedPerInsert = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)Rounds;
        var ids = context.Parameters.LookupIds;
        var updates = new List<double>(Rounds);
        for (var i = 0; i < Warmup + Rounds; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var change = await context.Graph.MutateAsync(Source, "set_score", $$"""{"id":"{{ids[i % ids.Length]}}","score":{{i}}.25}""", cancellationToken: cancellationToken);
            Require(change, nodes: 1);
            if (i >= Warmup)
            {
                updates.Add(BenchContext.ElapsedMilliseconds(start));
            }
        }

        var after = (await context.Graph.ResolveSnapshotAsync(SnapshotTarget.Head(), cancellationToken)).GetTable("node:Person").RowCount;
        if (after != before + Warmup + Rounds)
        {
            throw CliErrors.BenchData($"after {Warmup + Rounds} inserts Person holds {after} rows, not {before + Warmup + Rounds}");
        }

        context.Results["insert1_p50_ms"] = BenchContext.Median(inserts);
        context.Results["update1_p50_ms"] = BenchContext.Median(updates);
        context.Results["insert1_allocated_kb"] = Math.Round(allocatedPerInsert / 1024, 1);
    }

    private static void Require(ChangeOutput change, long nodes)
    {
        if (change.Commit is null || change.AffectedNodes != nodes)
        {
            throw CliErrors.BenchData($"mutation {change.QueryName} affected {change.AffectedNodes} nodes (expected {nodes}) and published {(change.Commit is null ? "no commit" : "a commit")}");
        }
    }
}
