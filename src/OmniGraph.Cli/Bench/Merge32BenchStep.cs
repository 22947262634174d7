using System.Diagnostics;
using System.Text;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Bench;

/// <summary>
/// <c>merge32_p50_ms</c> and <c>branch_delete_p50_ms</c> (our own keys): 10 times, after 2 warm-up rounds, a branch is
/// created from main, 32 of its persons get a new score there (one merge load) while 32 other persons get one on main,
/// and the branch is merged into main (a three-way merge: both sides moved) and then deleted. The merge must take exactly
/// the 32 rows; afterwards main holds the last round's scores of both sides and the person count is unchanged.
/// </summary>
internal sealed class Merge32BenchStep : IBenchStep
{
    private const int Rounds = 10;
    private const int Warmup = 2;

    public string Name => "merge32";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var batch = context.Parameters.UpsertBatch;
        var ids = context.Parameters.LookupIds.Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length < 2 * batch)
        {
            throw CliErrors.BenchData($"merge32 needs {2 * batch} distinct lookup ids, the data set has {ids.Length}");
        }

        var persons = BenchPersons.Read(context.DataFile("person.csv"), [.. ids]);
        var before = (await context.Graph.ResolveSnapshotAsync(SnapshotTarget.Head(), cancellationToken)).GetTable("node:Person").RowCount;
        var merges = new List<double>(Rounds);
        var deletes = new List<double>(Rounds);
        var expected = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var round = 0; round < Warmup + Rounds; round++)
        {
            var branch = $"bench/merge-{round}";
            await context.Graph.CreateBranchAsync(branch, cancellationToken: cancellationToken);
            var ours = Lines(persons, ids, round, 0, batch, 1000 + round, expected);
            var theirs = Lines(persons, ids, round, batch, batch, 2000 + round, expected);
            await context.Graph.LoadJsonlAsync(ours, GraphLoadMode.Merge, branch, cancellationToken: cancellationToken);
            await context.Graph.LoadJsonlAsync(theirs, GraphLoadMode.Merge, cancellationToken: cancellationToken);

            var start = Stopwatch.GetTimestamp();
            var merge = await context.Graph.MergeBranchAsync(new BranchMergeRequest(branch), cancellationToken);
            var merged = BenchContext.ElapsedMilliseconds(start);
            if (merge.Outcome != BranchMergeOutcome.Merged || merge.Tables is not [{ Table: "node:Person", Updated: var updated, Inserted: 0, Deleted: 0 }] || updated != batch)
            {
                throw CliErrors.BenchData($"merge of {branch}: {merge.Outcome.ToWireName()} taking {string.Join(", ", merge.Tables)}, expected {batch} updated persons");
            }

            start = Stopwatch.GetTimestamp();
            await context.Graph.DeleteBranchAsync(branch, cancellationToken);
            if (round >= Warmup)
            {
                merges.Add(merged);
                deletes.Add(BenchContext.ElapsedMilliseconds(start));
            }
        }

        await CheckAsync(context, before, expected);
        context.Results["merge32_p50_ms"] = BenchContext.Median(merges);
        context.Results["branch_delete_p50_ms"] = BenchContext.Median(deletes);
    }

    /// <summary>The load lines of <paramref name="count"/> persons starting at offset <paramref name="skip"/> of the round's 64 ids.</summary>
    private static string Lines(Dictionary<string, string[]> persons, string[] ids, int round, int skip, int count, double score, Dictionary<string, double> expected)
    {
        var lines = new StringBuilder();
        for (var j = 0; j < count; j++)
        {
            var id = ids[((round * 2 * count) + skip + j) % ids.Length];
            BenchPersons.AppendLine(lines, persons[id], score);
            expected[id] = score;
        }

        return lines.ToString();
    }

    private static async Task CheckAsync(BenchContext context, long before, Dictionary<string, double> expected)
    {
        var table = (await context.Graph.ResolveSnapshotAsync(SnapshotTarget.Head())).GetTable("node:Person");
        if (table.RowCount != before)
        {
            throw CliErrors.BenchData($"after the merges Person holds {table.RowCount} rows, not {before}");
        }

        var keys = expected.Keys.Order(StringComparer.Ordinal).ToArray();
        var found = await context.Graph.GetTable(table.Table, table.ChainBranch).LookupAsync(table, KeyBatch.FromStrings(keys), ["score"]);
        var scores = (OmniGraph.Arrow.PrimitiveColumn<double>)found.Rows.Column(0);
        if (found.InputPositions.Length != keys.Length
            || Enumerable.Range(0, found.InputPositions.Length).Any(i => scores.GetValue(i) != expected[keys[found.InputPositions[i]]]))
        {
            throw CliErrors.BenchData("after the merges main does not hold the scores both sides wrote last");
        }
    }
}
