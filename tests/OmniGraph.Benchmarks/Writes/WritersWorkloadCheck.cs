using System.Diagnostics;
using System.Globalization;
using OmniGraph.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Grains.Hosting;

namespace OmniGraph.Benchmarks.Writes;

/// <summary>
/// The concurrent-writers figure of <c>omnigraph bench</c> (<c>writers16_speedup</c>) on its own, repeated, so a profiler
/// attached to it sees the write path and nothing else: one writer's one-row insert mutations one after another, then 16
/// writers' at once (distinct keys, each insert its own commit), on one graph, for several rounds.
/// <code>
/// dotnet run -c Release --project tests/OmniGraph.Benchmarks -- writers-check [--rounds 5] [--each 24] [--writers 16]
/// </code>
/// Prints commits per second alone and together, and their ratio, per round and as medians.
/// </summary>
public static class WritersWorkloadCheck
{
    private const string Schema = "node Person { id_str: String @key  name: String  age: I64 }";

    private const string Insert = "query add($id: String) { insert Person { id_str: $id, name: \"writer\", age: 40 } }";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rounds = IntOption(args, "--rounds", 5);
        var each = IntOption(args, "--each", 24);
        var writers = IntOption(args, "--writers", 16);
        var root = Path.Combine(Path.GetTempPath(), $"og-writers-check-{Guid.NewGuid():N}");
        var speedups = new List<double>();
        try
        {
            await using var graph = await OmniGraphEmbedded.InitAsync(root, Schema, Configure);
            await graph.Client.LoadJsonlAsync("""{"type":"Person","data":{"id_str":"seed","name":"s","age":1}}""", GraphLoadMode.Overwrite);
            for (var round = 0; round < rounds; round++)
            {
                var start = Stopwatch.GetTimestamp();
                await WriteAsync(graph.Client, $"r{round}-alone", each * 2);
                var alone = each * 2 / Stopwatch.GetElapsedTime(start).TotalSeconds;

                start = Stopwatch.GetTimestamp();
                await Task.WhenAll(Enumerable.Range(0, writers).Select(w => WriteAsync(graph.Client, $"r{round}-w{w}", each)));
                var together = writers * each / Stopwatch.GetElapsedTime(start).TotalSeconds;
                speedups.Add(together / alone);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: alone {alone:0.0} commits/s, {writers} writers {together:0.0} commits/s, speedup {together / alone:0.00}"));
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        speedups.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"writers_speedup_median\":{speedups[speedups.Count / 2]:0.00}}}"));
        return 0;
    }

    private static async Task WriteAsync(IGraphClient client, string writer, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await client.MutateAsync(Insert, parameters: $$"""{"id":"{{writer}}-{{i}}"}""");
        }
    }

    private static void Configure(EmbeddedGraphOptions options) =>
        options.ConfigureSilo = static silo => silo.AddOmniGraphLoading().AddOmniGraphExecution().AddOmniGraphMutations();

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
