using System.Diagnostics;
using System.Text.Json;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Bench;

/// <summary>
/// The read operations of the workload as one <c>.gq</c> file, run in-process through the query grain
/// (<see cref="GraphClientQueryExtensions.QueryAsync"/>), and the timing helpers the read steps share. The workload
/// measures warm reads: before timing, a per-id query runs once for every id and a whole-graph query
/// <see cref="WarmupRuns"/> times (compiled, planned, indexes built, and the JIT past its first tier).
/// </summary>
internal static class BenchQueries
{
    /// <summary>Untimed runs of a whole-graph query before it is timed.</summary>
    public const int WarmupRuns = 3;

    public const string Source = """
        query lookup($id: String) {
            match { $p: Person { id_str: $id } }
            return { $p.name, $p.age }
        }

        query filter($city: String, $min_age: I32) {
            match {
                $p: Person { city: $city }
                $p.age >= $min_age
            }
            return { count($p) as n }
        }

        query hop1($id: String) {
            match {
                $p: Person { id_str: $id }
                $p knows $f
            }
            return { $f.name }
        }

        query hop2($id: String) {
            match {
                $p: Person { id_str: $id }
                $p knows $m
                $m knows $f
            }
            return { count($f) as n }
        }

        query reach2($id: String) {
            match {
                $p: Person { id_str: $id }
                $p knows{1,2} $f
            }
            return { count($f) as n }
        }

        query agg() {
            match {
                $p: Person
                $p knows $f
            }
            return { $p.city as city, count($f) as n }
            order { n desc, city asc }
        }

        query text_search($term: String) {
            match {
                $p: Person
                search($p.name, $term)
            }
            return { $p.id_str }
        }

        query text_scan($term: String) {
            match {
                $p: Person
                $p.name contains $term
            }
            return { $p.id_str }
        }

        query bm25_top10($q: String) {
            match { $p: Person }
            return { $p.id_str }
            order { bm25($p.name, $q) }
            limit 10
        }

        query anti() {
            match {
                $p: Person
                not { $p worksAt $_ }
            }
            return { count($p) as n }
        }
        """;

    /// <summary>The params object <c>{"id": …}</c>.</summary>
    public static string IdParameters(string id) => JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id });

    /// <summary>Runs a query (at the head of main, or of <paramref name="target"/>) and returns its result.</summary>
    public static Task<QueryResult> RunAsync(BenchContext context, string name, string? parameters, CancellationToken cancellationToken, QueryTarget? target = null) =>
        context.Graph.QueryAsync(Source, name, parameters, target, cancellationToken);

    /// <summary>
    /// The median latency of one run per parameter set, after an untimed pass over them; <paramref name="check"/> sees
    /// every timed result. The reads run at the head of main, or of <paramref name="target"/>.
    /// </summary>
    public static async Task<double> MedianOverAsync(BenchContext context, string name, IReadOnlyList<string?> parameters, Action<QueryResult> check, CancellationToken cancellationToken, QueryTarget? target = null)
    {
        foreach (var set in parameters)
        {
            await RunAsync(context, name, set, cancellationToken, target);
        }

        var latencies = new List<double>(parameters.Count);
        foreach (var set in parameters)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await RunAsync(context, name, set, cancellationToken, target);
            latencies.Add(BenchContext.ElapsedMilliseconds(start));
            check(result);
        }

        return BenchContext.Median(latencies);
    }

    /// <summary>The median latency of <c>--reps</c> runs (after <see cref="WarmupRuns"/> untimed runs) and the last result.</summary>
    public static async Task<(double Milliseconds, QueryResult Result)> MedianOfRepsAsync(BenchContext context, string name, string? parameters, CancellationToken cancellationToken)
    {
        var result = await RunAsync(context, name, parameters, cancellationToken);
        for (var i = 1; i < WarmupRuns; i++)
        {
            result = await RunAsync(context, name, parameters, cancellationToken);
        }

        var latencies = new List<double>(context.Reps);
        for (var i = 0; i < context.Reps; i++)
        {
            var start = Stopwatch.GetTimestamp();
            result = await RunAsync(context, name, parameters, cancellationToken);
            latencies.Add(BenchContext.ElapsedMilliseconds(start));
        }

        return (BenchContext.Median(latencies), result);
    }

    /// <summary>The single Int64 of a one-row count result.</summary>
    public static long Count(QueryResult result, string query) =>
        result.RowCount == 1 && result.Rows.Column(0) is OmniGraph.Arrow.PrimitiveColumn<long> counts
            ? counts.GetValue(0)
            : throw CliErrors.BenchData($"{query} returned {result.RowCount} rows, expected one count");
}
