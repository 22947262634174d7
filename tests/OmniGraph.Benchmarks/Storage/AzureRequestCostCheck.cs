using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Abstractions;
using OmniGraph.Benchmarks.Mutations;
using OmniGraph.Benchmarks.Support;
using OmniGraph.Grains.Hosting;
using OmniGraph.Storage;
using OmniGraph.Storage.Azure;
using OmniGraph.Testing.Azure;

namespace OmniGraph.Benchmarks.Storage;

/// <summary>
/// What the workload's writes and reads cost in object-store requests, by kind, on the Azure Blob store (Azurite, started
/// and stopped by the check as the tests do) next to local disk, in one run, on the shared workload's data set loaded
/// into each:
/// <list type="bullet">
/// <item><c>mutation1</c>: a one-node insert mutation (the query language's <c>insert</c>), one commit;</item>
/// <item><c>upsert32</c>: 32 existing persons get a new score as one <c>merge</c> load (one commit), as
/// <c>omnigraph bench</c>'s step of that name, with its p50 latency;</item>
/// <item><c>lookup</c>: a warm keyed lookup query (<c>lookup_ids</c>): requests per lookup, which must be the one snapshot
/// probe.</item>
/// </list>
/// Requests are counted by <see cref="CountingObjectStore"/> around each store, with what follows a commit's
/// acknowledgement (head moves, the sidecar delete). <c>prepare_put</c> and <c>flush</c> are calls the blob store
/// answers without a request (a blob is durable once its put is answered).
/// <code>
/// python3 /work/shared/bench/gen.py /tmp/og-M --persons 100000
/// dotnet run -c Release --project tests/OmniGraph.Benchmarks -- azure-check /tmp/og-M [--rounds 20]
/// </code>
/// Prints the figures and one JSON line; exit code 1 when a warm lookup costs more than the snapshot probe or a
/// commit's requests vary between rounds.
/// </summary>
public static class AzureRequestCostCheck
{
    private const string Lookup = "query lookup($id: String) { match { $p: Person { id_str: $id } } return { $p.name, $p.age } }";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var directory = args.FirstOrDefault(static a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "/tmp/og-M";
        var rounds = IntOption(args, "--rounds", 20);
        var schema = await File.ReadAllTextAsync(Path.Combine(directory, "schema.pg"));
        var parameters = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(directory, "params.json"))).RootElement;
        var lookupIds = parameters.GetProperty("lookup_ids").EnumerateArray().Select(static e => e.GetString()!).ToArray();
        var batch = parameters.GetProperty("upsert_batch").GetInt32();
        var persons = ReadPersons(Path.Combine(directory, "person.csv"), [.. lookupIds]);
        Console.WriteLine($"azure request check on {directory}: {rounds} rounds, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        await using var azurite = await AzuriteServer.StartAsync();
        var results = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var passed = true;
        using var local = new ScratchDirectory("azure-check");
        var backends = new (string Name, IObjectStore Store)[]
        {
            ("local", new LocalDirectoryObjectStore(local.Path)),
            ("azurite", AzureBlobObjectStore.Create(new AzureBlobObjectStoreOptions { ConnectionString = azurite.ConnectionString, ContainerName = AzuriteStores.NewContainerName("bench") })),
        };
        foreach (var (name, store) in backends)
        {
            passed &= await MeasureAsync(name, store, schema, directory, lookupIds, batch, persons, rounds, results);
        }

        Console.WriteLine($"load average after the run {LoadAverage()}");
        Console.WriteLine("{" + string.Join(",", results.Select(static r => $"\"{r.Key}\":{r.Value.ToString("R", CultureInfo.InvariantCulture)}")) + "}");
        Console.WriteLine(passed ? "warm lookups cost one probe; commits cost the same every round" : "a check failed");
        return passed ? 0 : 1;
    }

    private static async Task<bool> MeasureAsync(
        string backend,
        IObjectStore store,
        string schema,
        string directory,
        string[] lookupIds,
        int batch,
        Dictionary<string, string[]> persons,
        int rounds,
        SortedDictionary<string, double> results)
    {
        var counting = new CountingObjectStore(store);
        var location = $"memory://azure-check-{backend}-{Guid.NewGuid():N}";
        await using var graph = await OmniGraphEmbedded.InitAsync(location, schema, options => options.ConfigureSilo = silo =>
        {
            silo.AddOmniGraphLoading().AddOmniGraphExecution().AddOmniGraphMutations();
            silo.Services.AddSingleton<IObjectStoreFactory>(new OneStoreFactory(location, counting));
        });
        var start = Stopwatch.GetTimestamp();
        var load = await graph.Client.LoadFileAsync(Path.Combine(directory, "data.jsonl"), GraphLoadMode.Overwrite);
        Console.WriteLine($"{backend}: loaded {load.TotalEntities:N0} entities in {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s ({counting.Snapshot()})");

        var passed = true;
        var insert = await CommitCostAsync(graph.Client, counting, rounds, i => graph.Client.MutateAsync(MutationWorkloadCheck.InsertPerson, parameters:
            $$"""{"id":"azure-check-{{i}}","name":"Check {{i}}","age":{{20 + (i % 50)}},"city":"Berlin","joined":"2024-01-02","score":{{i}}.5}"""));
        passed &= Report(backend, "mutation1", insert.Counts, results);

        var upsert = await CommitCostAsync(graph.Client, counting, rounds, round => graph.Client.LoadJsonlAsync(UpsertLines(lookupIds, batch, persons, round), GraphLoadMode.Merge));
        passed &= Report(backend, "upsert32", upsert.Counts, results);
        results[$"{backend}_upsert32_p50_ms"] = Median(upsert.Milliseconds);
        Console.WriteLine($"{backend}: upsert32 p50 {Median(upsert.Milliseconds):F2} ms, mutation1 p50 {Median(insert.Milliseconds):F2} ms");
        results[$"{backend}_mutation1_p50_ms"] = Median(insert.Milliseconds);

        // Warm: every lookup once, then the counted pass.
        foreach (var id in lookupIds)
        {
            await LookupAsync(graph.Client, id);
        }

        await graph.Client.Manifest.GetRecoveryStatusAsync();
        counting.Reset();
        var lookups = new List<double>(lookupIds.Length);
        foreach (var id in lookupIds)
        {
            var begin = Stopwatch.GetTimestamp();
            await LookupAsync(graph.Client, id);
            lookups.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
        }

        var lookupCost = counting.Snapshot();
        var probesOnly = lookupCost == new ObjectStoreRequestCounts(0, 0, lookupIds.Length, 0, 0, 0, 0, 0, 0, 0);
        Console.WriteLine($"{backend}: {lookupIds.Length} warm lookups: {lookupCost} ({(double)lookupCost.Total / lookupIds.Length:0.##} per lookup), p50 {Median(lookups):F3} ms{(probesOnly ? string.Empty : " — MORE THAN THE SNAPSHOT PROBE")}");
        results[$"{backend}_lookup_requests_per_lookup"] = (double)lookupCost.Total / lookupIds.Length;
        results[$"{backend}_lookup_p50_ms"] = Median(lookups);
        return passed && probesOnly;
    }

    /// <summary>
    /// Runs <paramref name="commit"/> <paramref name="rounds"/> times after a few unmeasured ones, counting each round's
    /// requests (with what follows the acknowledgement); returns the last round's counts, or throws when they vary.
    /// </summary>
    private static async Task<(ObjectStoreRequestCounts? Counts, List<double> Milliseconds)> CommitCostAsync<T>(IGraphClient client, CountingObjectStore counting, int rounds, Func<int, Task<T>> commit)
    {
        const int Warmup = 3;
        ObjectStoreRequestCounts? first = null;
        var same = true;
        var latencies = new List<double>(rounds);
        for (var round = 0; round < Warmup + rounds; round++)
        {
            await client.Manifest.GetRecoveryStatusAsync();
            counting.Reset();
            var start = Stopwatch.GetTimestamp();
            await commit(round);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            await client.Manifest.GetRecoveryStatusAsync();
            if (round < Warmup)
            {
                continue;
            }

            latencies.Add(elapsed);
            var counts = counting.Snapshot();
            first ??= counts;
            same &= counts == first;
        }

        return (same ? first : null, latencies);
    }

    private static bool Report(string backend, string operation, ObjectStoreRequestCounts? counts, SortedDictionary<string, double> results)
    {
        if (counts is not { } fixedCounts)
        {
            Console.WriteLine($"{backend}: {operation}: the requests per commit varied between rounds");
            return false;
        }

        var blobRequests = fixedCounts.Total - fixedCounts.Flushes - fixedCounts.PreparedPuts;
        Console.WriteLine($"{backend}: {operation} requests per commit: {fixedCounts} ({blobRequests} blob requests)");
        foreach (var (kind, count) in fixedCounts.ByKind())
        {
            results[$"{backend}_{operation}_{kind}"] = count;
        }

        results[$"{backend}_{operation}_blob_requests"] = blobRequests;
        return true;
    }

    private static async Task LookupAsync(IGraphClient client, string id)
    {
        var result = await client.QueryAsync(Lookup, "lookup", JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id }));
        if (result.RowCount != 1)
        {
            throw new InvalidOperationException($"lookup of {id} returned {result.RowCount} rows, expected 1");
        }
    }

    /// <summary>Round <paramref name="round"/>'s 32 persons with a new score, as merge-load lines (<c>omnigraph bench</c>'s upsert32 batches).</summary>
    private static string UpsertLines(string[] ids, int batch, Dictionary<string, string[]> persons, int round)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var j = 0; j < batch; j++)
        {
            scores[ids[((round * batch) + j) % ids.Length]] = round + (j / 100.0);
        }

        var lines = new StringBuilder();
        foreach (var (id, score) in scores)
        {
            var person = persons[id];
            lines.Append("{\"type\":\"Person\",\"data\":{\"id_str\":").Append(JsonSerializer.Serialize(id))
                .Append(",\"name\":").Append(JsonSerializer.Serialize(person[1]))
                .Append(",\"age\":").Append(person[2])
                .Append(",\"city\":").Append(JsonSerializer.Serialize(person[3]))
                .Append(",\"joined\":").Append(JsonSerializer.Serialize(person[4]))
                .Append(",\"score\":").Append(score.ToString("R", CultureInfo.InvariantCulture))
                .Append("}}\n");
        }

        return lines.ToString();
    }

    /// <summary>The <c>person.csv</c> rows (<c>id,name,age,city,joined,score</c>) of the given ids.</summary>
    private static Dictionary<string, string[]> ReadPersons(string path, HashSet<string> wanted) =>
        File.ReadLines(path)
            .Select(static line => line.Split(','))
            .Where(fields => fields.Length == 6 && wanted.Contains(fields[0]))
            .ToDictionary(static fields => fields[0], StringComparer.Ordinal);

    private static double Median(List<double> values) => Math.Round(values.Order().ElementAt(values.Count / 2), 3);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The graph's location opens the counted store; every other location (the registry's) opens as usual.</summary>
    private sealed class OneStoreFactory(string location, IObjectStore store) : IObjectStoreFactory
    {
        private readonly ObjectStoreFactory _others = new();

        public IObjectStore Open(string requested) => string.Equals(requested, location, StringComparison.Ordinal) ? store : _others.Open(requested);
    }
}
