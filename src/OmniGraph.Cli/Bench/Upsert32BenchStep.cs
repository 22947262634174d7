using System.Diagnostics;
using System.Text;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Bench;

/// <summary>
/// <c>upsert32_p50_ms</c>: 20 times, 32 existing persons get a new <c>score</c> as one <c>merge</c> load (one commit).
/// Batch <c>i</c> takes <c>lookup_ids[(i*32+j) % n]</c> with score <c>i + j/100</c>, as the peers do. A merge replaces whole
/// rows, so each line carries the person's other properties from <c>person.csv</c>. An id drawn twice in one batch (the
/// sampled ids repeat at small scales) is written once, with its later score: what the peer's row-by-row <c>MERGE … SET</c>
/// leaves, and a load may not hold one key twice. Afterwards the step checks that the person count is unchanged and that
/// the last scores written are stored.
/// </summary>
internal sealed class Upsert32BenchStep : IBenchStep
{
    private const int Rounds = 20;

    public string Name => "upsert32";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var (latencies, commits) = await MeasureAsync(context, Rounds, firstRound: 0, cancellationToken);
        context.Results["upsert32_p50_ms"] = BenchContext.Median(latencies);

        // The commit's share (prepare, checks, commit protocol); the rest is the session, the parse and the fragment write.
        context.Results["upsert32_commit_p50_ms"] = Math.Round(BenchContext.Median(commits), 3);
    }

    /// <summary>
    /// Runs <paramref name="rounds"/> upsert32 rounds (numbered from <paramref name="firstRound"/>: the ids and scores of
    /// those rounds), checks the stored scores, and returns each round's latency and commit share.
    /// </summary>
    public static async Task<(List<double> Latencies, List<double> Commits)> MeasureAsync(BenchContext context, int rounds, int firstRound, CancellationToken cancellationToken)
    {
        var ids = context.Parameters.LookupIds;
        var batch = context.Parameters.UpsertBatch;
        var persons = BenchPersons.Read(context.DataFile("person.csv"), [.. ids]);
        var latencies = new List<double>(rounds);
        var commits = new List<double>(rounds);
        var expected = new Dictionary<string, double>(StringComparer.Ordinal);
        var rows = (await context.Graph.ResolveSnapshotAsync(SnapshotTarget.Head(), cancellationToken)).GetTable("node:Person").RowCount;
        for (var round = firstRound; round < firstRound + rounds; round++)
        {
            var scores = new Dictionary<string, double>(StringComparer.Ordinal);
            var order = new List<string>(batch);
            for (var j = 0; j < batch; j++)
            {
                var id = ids[((round * batch) + j) % ids.Length];
                if (!scores.ContainsKey(id))
                {
                    order.Add(id);
                }

                scores[id] = round + (j / 100.0);
            }

            var lines = new StringBuilder();
            foreach (var id in order)
            {
                BenchPersons.AppendLine(lines, persons[id], scores[id]);
                expected[id] = scores[id];
            }

            var jsonl = lines.ToString();
            var start = Stopwatch.GetTimestamp();
            var output = await context.Graph.LoadJsonlAsync(jsonl, GraphLoadMode.Merge, cancellationToken: cancellationToken);
            latencies.Add(BenchContext.ElapsedMilliseconds(start));
            commits.Add(output.Timings?.CommitMilliseconds ?? 0);
        }

        await CheckAsync(context, expected, rows);
        return (latencies, commits);
    }

    private static async Task CheckAsync(BenchContext context, Dictionary<string, double> expected, long rows)
    {
        var head = await context.Graph.ResolveSnapshotAsync(SnapshotTarget.Head());
        var table = head.GetTable("node:Person");
        if (table.RowCount != rows)
        {
            throw CliErrors.BenchData($"after the upserts Person holds {table.RowCount} rows, not {rows}");
        }

        var keys = expected.Keys.Order(StringComparer.Ordinal).ToArray();
        var found = await context.Graph.GetTable(table.Table, table.ChainBranch).LookupAsync(table, KeyBatch.FromStrings(keys), ["score"]);
        var scores = (OmniGraph.Arrow.PrimitiveColumn<double>)found.Rows.Column(0);
        for (var i = 0; i < found.InputPositions.Length; i++)
        {
            var id = keys[found.InputPositions[i]];
            if (scores.GetValue(i) != expected[id])
            {
                throw CliErrors.BenchData($"person {id} has score {scores.GetValue(i)}, expected {expected[id]}");
            }
        }

        if (found.InputPositions.Length != keys.Length)
        {
            throw CliErrors.BenchData($"{keys.Length - found.InputPositions.Length} upserted persons are missing");
        }
    }
}
