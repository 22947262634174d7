using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OmniGraph.Abstractions;
using OmniGraph.Cli.Infrastructure;

namespace OmniGraph.Cli.Bench;

/// <summary>
/// <c>omnigraph bench --history N</c> (docs/benchmarks.md, "History and maintenance"): N small commits on one graph (each
/// a merge load of two people and one friendship, ids cycling over 250 people and 250 friendships, so later commits
/// replace rows and leave deletion vectors), then <c>optimize</c> and <c>cleanup --keep 1 --older-than 0s</c>; beside it a
/// fresh graph loaded once with the same final content. Prints the object counts and warm read latencies of both (and of
/// the history graph before maintenance) and their ratios. The target: after maintenance, within 1.2x of the fresh graph.
/// </summary>
internal static class HistoryBench
{
    private const int People = 250;
    private const int Samples = 50;

    private const string Schema = """
        node Person {
            name: String @key
            age: I32?
        }
        edge Knows: Person -> Person
        """;

    private const string Queries = """
        query lookup($id: String) {
            match { $p: Person { name: $id } }
            return { $p.name, $p.age }
        }

        query hop1($id: String) {
            match {
                $p: Person { name: $id }
                $p knows $f
            }
            return { $f.name }
        }

        query everyone() {
            match { $p: Person }
            return { count($p) as n, sum($p.age) as total }
        }
        """;

    /// <summary>Runs the history benchmark under <paramref name="root"/> and returns its JSON line.</summary>
    public static async Task<JsonObject> RunAsync(int commits, string root, TextWriter progress, CancellationToken cancellationToken)
    {
        var results = new JsonObject { ["system"] = $"omnigraph-orleans-{OmniGraphCli.Version}", ["history_commits"] = commits };
        var ages = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var friendships = new SortedDictionary<string, (string From, string To)>(StringComparer.Ordinal);
        var historyDirectory = Path.Combine(root, "history");
        await using (var history = await EmbeddedGraph.InitAsync(GraphTarget.Parse(historyDirectory), Schema, cancellationToken))
        {
            await progress.WriteLineAsync($"bench: {commits} commits");
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < commits; i++)
            {
                var from = Name(i % People);
                var to = Name(((i * 7) + 1) % People == i % People ? (i + 1) % People : ((i * 7) + 1) % People);
                var edge = $"k{i % People}";
                ages[from] = i;
                ages[to] = i + 1;
                friendships[edge] = (from, to);
                var lines = new StringBuilder();
                AppendPerson(lines, from, i);
                AppendPerson(lines, to, i + 1);
                AppendKnows(lines, edge, from, to);
                await history.Client.LoadJsonlAsync(lines.ToString(), GraphLoadMode.Merge, cancellationToken: cancellationToken);
            }

            results["history_commit_avg_ms"] = Math.Round(BenchContext.ElapsedMilliseconds(start) / Math.Max(commits, 1), 3);
            await MeasureAsync(history.Client, historyDirectory, "before", results, cancellationToken);

            await progress.WriteLineAsync("bench: optimize and cleanup");
            start = Stopwatch.GetTimestamp();
            await history.Client.OptimizeAsync(BranchNames.Main, cancellationToken);
            var cleanup = await history.Client.CleanupAsync(new CleanupRequest(1, 0, Confirm: true), cancellationToken);
            results["maintenance_ms"] = Math.Round(BenchContext.ElapsedMilliseconds(start), 1);
            results["cleanup_objects"] = cleanup.Objects;
            results["cleanup_bytes"] = cleanup.Bytes;
            await MeasureAsync(history.Client, historyDirectory, "after", results, cancellationToken);
        }

        var freshDirectory = Path.Combine(root, "fresh");
        await using (var fresh = await EmbeddedGraph.InitAsync(GraphTarget.Parse(freshDirectory), Schema, cancellationToken))
        {
            await progress.WriteLineAsync("bench: fresh graph");
            var lines = new StringBuilder();
            foreach (var (name, age) in ages)
            {
                AppendPerson(lines, name, age);
            }

            foreach (var (id, (from, to)) in friendships)
            {
                AppendKnows(lines, id, from, to);
            }

            await fresh.Client.LoadJsonlAsync(lines.ToString(), GraphLoadMode.Overwrite, cancellationToken: cancellationToken);
            await MeasureAsync(fresh.Client, freshDirectory, "fresh", results, cancellationToken);
        }

        if (!string.Equals(results["after_answer"]!.GetValue<string>(), results["fresh_answer"]!.GetValue<string>(), StringComparison.Ordinal))
        {
            throw CliErrors.BenchData($"the maintained graph answers {results["after_answer"]}, the fresh one {results["fresh_answer"]}");
        }

        foreach (var measure in new[] { "objects", "lookup_p50_ms", "hop1_p50_ms", "everyone_p50_ms" })
        {
            var fresh = results[$"fresh_{measure}"]!.GetValue<double>();
            results[$"after_vs_fresh_{measure}"] = Math.Round(results[$"after_{measure}"]!.GetValue<double>() / Math.Max(fresh, 1e-9), 3);
        }

        return results;
    }

    /// <summary>Object count on disk, warm read medians, and a check that the answers are those of the content written.</summary>
    private static async Task MeasureAsync(IGraphClient graph, string directory, string label, JsonObject results, CancellationToken cancellationToken)
    {
        results[$"{label}_objects"] = (double)Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Count(static f => !Path.GetFileName(f).StartsWith(".og-lock", StringComparison.Ordinal));
        var ids = Enumerable.Range(0, Samples).Select(static i => JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = Name(i * (People / Samples)) })).ToArray();
        results[$"{label}_lookup_p50_ms"] = await MedianAsync(graph, "lookup", ids, cancellationToken);
        results[$"{label}_hop1_p50_ms"] = await MedianAsync(graph, "hop1", ids, cancellationToken);
        results[$"{label}_everyone_p50_ms"] = await MedianAsync(graph, "everyone", [.. Enumerable.Repeat<string?>(null, 9)], cancellationToken);
        results[$"{label}_answer"] = (await graph.QueryAsync(Queries, "everyone", null, null, cancellationToken)).RowCount == 1
            ? CellsOf(await graph.QueryAsync(Queries, "everyone", null, null, cancellationToken))
            : throw CliErrors.BenchData("everyone returned no row");
    }

    private static string CellsOf(QueryResult result) => string.Join(",", Enumerable.Range(0, result.ColumnNames.Length).Select(c => CellText(result, c)));

    private static string CellText(QueryResult result, int column) => result.Rows.Column(column) switch
    {
        OmniGraph.Arrow.PrimitiveColumn<long> values => values.GetValue(0).ToString(CultureInfo.InvariantCulture),
        OmniGraph.Arrow.PrimitiveColumn<int> values => values.GetValue(0).ToString(CultureInfo.InvariantCulture),
        OmniGraph.Arrow.PrimitiveColumn<double> values => values.GetValue(0).ToString(CultureInfo.InvariantCulture),
        var other => other.GetType().Name,
    };

    private static async Task<double> MedianAsync(IGraphClient graph, string name, IReadOnlyList<string?> parameters, CancellationToken cancellationToken)
    {
        foreach (var set in parameters)
        {
            await graph.QueryAsync(Queries, name, set, null, cancellationToken);
        }

        var latencies = new List<double>(parameters.Count);
        foreach (var set in parameters)
        {
            var start = Stopwatch.GetTimestamp();
            await graph.QueryAsync(Queries, name, set, null, cancellationToken);
            latencies.Add(BenchContext.ElapsedMilliseconds(start));
        }

        return BenchContext.Median(latencies);
    }

    private static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"p{i:D3}");

    private static void AppendPerson(StringBuilder lines, string name, int age) =>
        lines.Append(CultureInfo.InvariantCulture, $$$"""{"type":"Person","data":{"name":"{{{name}}}","age":{{{age}}}}}""").Append('\n');

    private static void AppendKnows(StringBuilder lines, string id, string from, string to) =>
        lines.Append(CultureInfo.InvariantCulture, $$$"""{"edge":"Knows","from":"{{{from}}}","to":"{{{to}}}","data":{"id":"{{{id}}}"}}""").Append('\n');
}
