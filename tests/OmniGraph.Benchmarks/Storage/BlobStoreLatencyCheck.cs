using System.Diagnostics;
using System.Globalization;
using OmniGraph.Storage;
using OmniGraph.Testing.Azure;

namespace OmniGraph.Benchmarks.Storage;

/// <summary>
/// Latency of each object-store request kind on the Azure Blob store against Azurite (started, and stopped, by the check
/// itself, as the tests do): unconditional put, create-if-absent, compare-and-swap, whole get, ranged get, properties,
/// a listing page of 100, each on 1 KB objects.
/// <code>
/// dotnet run -c Release --project tests/OmniGraph.Benchmarks -- blob-check [--ops 500] [--size 1024]
/// </code>
/// Prints p50 and p90 in milliseconds per kind and one JSON line. Azurite is a local emulator: the figures say what the
/// store and the SDK pipeline cost per request, not what a storage account across a network costs.
/// </summary>
public static class BlobStoreLatencyCheck
{
    private const int ListedObjects = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var operations = IntOption(args, "--ops", 500);
        var size = IntOption(args, "--size", 1024);
        var payload = new byte[size];
        Random.Shared.NextBytes(payload);
        await using var azurite = await AzuriteServer.StartAsync();
        var store = AzuriteStores.Create(azurite);
        var results = new SortedDictionary<string, double>(StringComparer.Ordinal);

        // Warm the connection pool and the container (created by the first write), so no figure pays for them.
        for (var i = 0; i < 50; i++)
        {
            await store.PutAsync($"warm/{i}", payload, WriteCondition.None);
            await store.GetAsync($"warm/{i}");
        }

        for (var i = 0; i < ListedObjects; i++)
        {
            await store.PutAsync($"listed/{i:D4}", payload, WriteCondition.None);
        }

        var head = await store.PutAsync("head", payload, WriteCondition.None);
        Report("put", await MeasureAsync(operations, i => store.PutAsync("replaced", payload, WriteCondition.None).AsTask()), results);
        Report("create_if_absent", await MeasureAsync(operations, i => store.PutAsync($"created/{i}", payload, WriteCondition.IfNotExists).AsTask()), results);
        Report("compare_and_swap", await MeasureAsync(operations, async _ => head = await store.PutAsync("head", payload, WriteCondition.IfMatch(head.ETag))), results);
        Report("get", await MeasureAsync(operations, i => store.GetAsync($"created/{i}").AsTask()), results);
        Report("range_get", await MeasureAsync(operations, i => store.GetRangeAsync($"created/{i}", 64, 256).AsTask()), results);
        Report("properties", await MeasureAsync(operations, i => store.GetPropertiesAsync($"created/{i}").AsTask()), results);
        Report("list_100", await MeasureAsync(Math.Max(operations / 5, 20), _ => store.ListAsync("listed/", null, ListedObjects).AsTask()), results);

        Console.WriteLine($"blob store on Azurite {AzuriteInstaller.Version}: {operations} requests per kind, {size}-byte objects");
        foreach (var (key, value) in results)
        {
            Console.WriteLine($"  {key}: {value.ToString("0.###", CultureInfo.InvariantCulture)}");
        }

        Console.WriteLine("{" + string.Join(",", results.Select(static r => $"\"{r.Key}\":{r.Value.ToString("R", CultureInfo.InvariantCulture)}")) + "}");
        return 0;
    }

    private static async Task<List<double>> MeasureAsync(int count, Func<int, Task> operation)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(i);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return latencies;
    }

    private static void Report(string name, List<double> latencies, SortedDictionary<string, double> results)
    {
        var sorted = latencies.Order().ToArray();
        results[$"{name}_p50_ms"] = Math.Round(sorted[sorted.Length / 2], 3);
        results[$"{name}_p90_ms"] = Math.Round(sorted[sorted.Length * 9 / 10], 3);
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
