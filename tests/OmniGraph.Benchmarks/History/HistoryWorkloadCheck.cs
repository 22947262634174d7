using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Hosting;

namespace OmniGraph.Benchmarks.History;

/// <summary>
/// How the cost of a write and of a read follows the length of a table's history: many one-row insert mutations into
/// one table (each its own durable commit and its own fragment), measuring the insert latency, a warm key lookup, the
/// size of the newest table version object and a cold open + first lookup at the start and at the end.
/// <code>
/// dotnet run -c Release --project tests/OmniGraph.Benchmarks -- history-check [--commits 2000] [--window 100]
/// </code>
/// Prints the figures and one JSON line. Fragments accumulate until maintenance compacts them (a later step), so this
/// is a measurement, not a pass/fail check.
/// </summary>
public static class HistoryWorkloadCheck
{
    private const string Schema = "node Thing { key: String @key  value: I64 }";

    private const string Insert = "query add($key: String, $value: I64) { insert Thing { key: $key, value: $value } }";

    private const string Lookup = "query get($key: String) { match { $t: Thing { key: $key } } return { $t.value } }";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var commits = IntOption(args, "--commits", 2_000);
        var window = IntOption(args, "--window", 100);
        var root = Path.Combine(Path.GetTempPath(), $"og-history-check-{Guid.NewGuid():N}");
        var results = new SortedDictionary<string, double>(StringComparer.Ordinal);
        try
        {
            await using (var graph = await OmniGraphEmbedded.InitAsync(root, Schema, Configure))
            {
                await graph.Client.LoadJsonlAsync("""{"type":"Thing","data":{"key":"seed","value":0}}""", GraphLoadMode.Overwrite);
                var inserts = new List<double>(commits);
                var lookups = new List<double>(commits);
                for (var i = 0; i < commits; i++)
                {
                    inserts.Add(await TimeAsync(() => graph.Client.MutateAsync(Insert, parameters: $$"""{"key":"k{{i}}","value":{{i}}}""")));
                    lookups.Add(await TimeAsync(() => graph.Client.QueryAsync(Lookup, parametersJson: $$"""{"key":"k{{i / 2}}"}""")));
                    if (i + 1 == window)
                    {
                        results["version_object_bytes_early"] = NewestVersionObjectBytes(root);
                    }
                }

                Report("insert1", inserts, window, results);
                Report("lookup", lookups, window, results);
                results["version_object_bytes_late"] = NewestVersionObjectBytes(root);
            }

            var start = Stopwatch.GetTimestamp();
            await using (var reopened = await OmniGraphEmbedded.OpenAsync(root, Configure))
            {
                await reopened.Client.QueryAsync(Lookup, parametersJson: """{"key":"k1"}""");
                results["cold_open_and_lookup_ms_late"] = Math.Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 1);
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        Console.WriteLine($"history check: {commits} one-row insert commits into one table");
        foreach (var (key, value) in results)
        {
            Console.WriteLine($"  {key}: {value.ToString("0.###", CultureInfo.InvariantCulture)}");
        }

        Console.WriteLine("{" + string.Join(",", results.Select(static r => $"\"{r.Key}\":{r.Value.ToString("R", CultureInfo.InvariantCulture)}")) + "}");
        return 0;
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> operation)
    {
        var start = Stopwatch.GetTimestamp();
        await operation();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>p50 of the first and of the last <paramref name="window"/> operations, and their ratio.</summary>
    private static void Report(string name, List<double> latencies, int window, SortedDictionary<string, double> results)
    {
        var early = Median(latencies.Take(window));
        var late = Median(latencies.Skip(latencies.Count - window));
        results[$"{name}_p50_ms_early"] = Math.Round(early, 3);
        results[$"{name}_p50_ms_late"] = Math.Round(late, 3);
        results[$"{name}_late_over_early"] = Math.Round(late / early, 2);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>The size on disk of the newest table version object of the Thing table.</summary>
    private static double NewestVersionObjectBytes(string root) =>
        new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(static f => f.FullName.Contains($"{Path.DirectorySeparatorChar}versions{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .MaxBy(static f => f.LastWriteTimeUtc)?.Length ?? 0;

    private static void Configure(EmbeddedGraphOptions options) =>
        options.ConfigureSilo = static silo => silo.AddOmniGraphLoading().AddOmniGraphExecution().AddOmniGraphMutations();

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
