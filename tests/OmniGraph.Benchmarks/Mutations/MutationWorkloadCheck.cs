using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Abstractions;
using OmniGraph.Arrow;
using OmniGraph.Grains.Hosting;
using OmniGraph.Ingest;
using OmniGraph.Schema;
using OmniGraph.Benchmarks.Support;

namespace OmniGraph.Benchmarks.Mutations;

/// <summary>
/// The runnable check of the mutation targets (Step 5), on local disk, durable, warm, in-process through the grain
/// interfaces:
/// <list type="bullet">
/// <item>a single-row insert mutation, acknowledged and durable, on the shared workload's M data set (loaded): p50 at
/// most 10 ms;</item>
/// <item>a one-row update by key into a 1,000,000-row table costs at most 1.5× the same update into a 10,000-row table
/// (both tables built with a generated load).</item>
/// </list>
/// <code>
/// python3 ../shared/bench/gen.py /tmp/og-bench-M --persons 100000
/// dotnet run -c Release --project tests/OmniGraph.Benchmarks -- mutation-check /tmp/og-bench-M [--ops 200] [--large 1000000]
/// </code>
/// Without a directory only the scale check runs. Prints every measurement and one JSON line; exit code 1 when a
/// target is missed.
/// </summary>
public static class MutationWorkloadCheck
{
    private const double InsertTargetMilliseconds = 10;
    private const double ScaleTargetRatio = 1.5;
    private const int Warmup = 20;

    /// <summary>A one-node insert mutation (parameters <c>id</c>, <c>name</c>, <c>age</c>, <c>city</c>, <c>joined</c>, <c>score</c>).</summary>
    internal const string InsertPerson = """
        query insert_person($id: String, $name: String, $age: I32, $city: String, $joined: Date, $score: F64) {
            insert Person { id_str: $id, name: $name, age: $age, city: $city, joined: $joined, score: $score }
        }
        """;

    private const string InsertPersonAndFriend = """
        query insert_person_and_friend($id: String, $friend: String) {
            insert Person { id_str: $id, name: "n", age: 30, city: "Berlin", joined: date("2020-01-01"), score: 1.0 }
            insert Knows { from: $id, to: $friend, since: 2020 }
        }
        """;

    private const string UpdatePerson = "query set_score($id: String, $score: F64) { update Person set { score: $score } where id_str = $id }";

    private const string ThingSchema = "node Thing { key: String @key  value: I64  note: String? }";

    private const string UpdateThing = "query set_value($key: String, $value: I64) { update Thing set { value: $value } where key = $key }";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? directory = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                i++;
            }
            else
            {
                directory = args[i];
            }
        }

        var ops = IntOption(args, "--ops", 200);
        var large = IntOption(args, "--large", 1_000_000);
        Console.WriteLine($"mutation check: {ops} measured operations after {Warmup} warm-up ones, {Environment.ProcessorCount} cores, local disk under {Path.GetTempPath()}");
        var results = new Dictionary<string, double>(StringComparer.Ordinal);
        var passed = true;

        if (directory is not null)
        {
            passed &= await WorkloadAsync(directory, ops, results);
        }
        else
        {
            Console.WriteLine("no data directory: the M-scale insert check is skipped (pass gen.py's output directory)");
        }

        passed &= await ScaleAsync(ops, large, results);
        await EdgeScaleAsync(ops, large, results);
        Console.WriteLine("{" + string.Join(",", results.Select(static r => $"\"{r.Key}\":{r.Value.ToString("R", CultureInfo.InvariantCulture)}")) + "}");
        Console.WriteLine(passed ? "all targets met" : "a target was missed");
        return passed ? 0 : 1;
    }

    /// <summary>Inserts (one node; one node and one edge) and updates by key on the loaded M data set.</summary>
    private static async Task<bool> WorkloadAsync(string directory, int ops, Dictionary<string, double> results)
    {
        using var root = new ScratchDirectory("mutation-check");
        var schema = await File.ReadAllTextAsync(Path.Combine(directory, "schema.pg"));
        await using var graph = await OmniGraphEmbedded.InitAsync(root.Path, schema, Configure);
        var start = Stopwatch.GetTimestamp();
        var load = await graph.Client.LoadFileAsync(Path.Combine(directory, "data.jsonl"), GraphLoadMode.Overwrite);
        Console.WriteLine($"loaded {load.TotalEntities:N0} entities in {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s");

        Settle();

        // The engine alone (a typed one-row write, no query layer), measured alternately with the mutation: what the
        // mutation layer adds is the difference.
        var person = TableLayout.For(SchemaCatalog.Compile(schema).GetNodeType("Person"));
        var (insert, engine) = await MeasurePairAsync(
            ops,
            i => graph.Client.MutateAsync(InsertPerson, parameters:
                $$"""{"id":"bench-{{i}}","name":"Bench {{i}}","age":{{20 + (i % 50)}},"city":"Berlin","joined":"2024-01-02","score":{{i}}.5}"""),
            async i =>
            {
                var result = await graph.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, PersonRow(person, $"engine-{i}"))]));
                return new ChangeOutput(BranchNames.Main, "engine_write", 1, 0, null, result.Commit.ToOutput());
            });
        Report("insert1 (one node, M)", insert, results, "insert1_p50_ms");
        Report("engine write of one row (no query layer, M)", engine, results, "engine_write1_p50_ms");

        var edge = await MeasureAsync(ops, i => graph.Client.MutateAsync(InsertPersonAndFriend, parameters:
            $$"""{"id":"bench-edge-{{i}}","friend":"p{{(i * 7919) % 100000}}"}"""));
        Report("insert node + edge (M)", edge, results, "insert_node_edge_p50_ms");

        var update = await MeasureAsync(ops, i => graph.Client.MutateAsync(UpdatePerson, parameters:
            $$"""{"id":"p{{(i * 104729) % 100000}}","score":{{i}}.25}"""));
        Report("update1 by key (M, 100k persons)", update, results, "update1_p50_ms");

        var met = Median(insert) <= InsertTargetMilliseconds;
        Console.WriteLine($"target insert1 p50 <= {InsertTargetMilliseconds} ms: {(met ? "met" : "MISSED")}");
        return met;
    }

    /// <summary>
    /// The same one-row update by key into a 10 k-row and a large table. Both graphs are open at once and the
    /// measurements alternate between them, so a noisy moment on a shared machine hits both series alike.
    /// </summary>
    private static async Task<bool> ScaleAsync(int ops, int large, Dictionary<string, double> results)
    {
        using var smallRoot = new ScratchDirectory("mutation-check");
        using var largeRoot = new ScratchDirectory("mutation-check");
        await using var smallGraph = await ThingGraphAsync(smallRoot.Path, 10_000);
        await using var largeGraph = await ThingGraphAsync(largeRoot.Path, large);
        var (small, big) = await MeasurePairAsync(
            ops,
            i => smallGraph.Client.MutateAsync(UpdateThing, parameters: UpdateParameters(i, 10_000)),
            i => largeGraph.Client.MutateAsync(UpdateThing, parameters: UpdateParameters(i, large)));
        Report("update1 by key, 10k-row table", small, results, "update1_10k_p50_ms");
        Report($"update1 by key, {large:N0}-row table", big, results, "update1_large_p50_ms");
        var ratio = Median(big) / Median(small);
        results["update1_scale_ratio"] = Math.Round(ratio, 3);
        var met = ratio <= ScaleTargetRatio;
        Console.WriteLine($"target update1 large/10k <= {ScaleTargetRatio}: {ratio:F2} {(met ? "met" : "MISSED")}");
        return met;
    }

    /// <summary>For information (no target): a one-edge insert mutation into a 10 k-edge and a large edge table, alternately.</summary>
    private static async Task EdgeScaleAsync(int ops, int large, Dictionary<string, double> results)
    {
        using var smallRoot = new ScratchDirectory("mutation-check");
        using var largeRoot = new ScratchDirectory("mutation-check");
        await using var smallGraph = await LinkGraphAsync(smallRoot.Path, 10_000);
        await using var largeGraph = await LinkGraphAsync(largeRoot.Path, large);
        const string insert = "query link($a: String, $b: String) { insert Link { from: $a, to: $b } }";
        var (small, big) = await MeasurePairAsync(
            ops,
            i => smallGraph.Client.MutateAsync(insert, parameters: $$"""{"a":"n{{i % 1000}}","b":"n{{(i * 31) % 1000}}"}"""),
            i => largeGraph.Client.MutateAsync(insert, parameters: $$"""{"a":"n{{i % 1000}}","b":"n{{(i * 31) % 1000}}"}"""));
        Report("insert1 edge, 10k-edge table", small, results, "insert_edge_10k_p50_ms");
        Report($"insert1 edge, {large:N0}-edge table", big, results, "insert_edge_large_p50_ms");
        results["insert_edge_scale_ratio"] = Math.Round(Median(big) / Median(small), 3);
        Console.WriteLine($"edge insert large/10k: {Median(big) / Median(small):F2} (informational)");
    }

    private static async Task<OmniGraphEmbedded> LinkGraphAsync(string root, int edges)
    {
        var graph = await OmniGraphEmbedded.InitAsync(root, "node N { key: String @key }  edge Link: N -> N", Configure);
        var data = Path.Combine(root, "links.jsonl");
        await using (var writer = new StreamWriter(data, append: false, new UTF8Encoding(false), 1 << 20))
        {
            for (var i = 0; i < 1000; i++)
            {
                await writer.WriteAsync($$$"""{"type":"N","data":{"key":"n{{{i}}}"}}""" + "\n");
            }

            for (var i = 0; i < edges; i++)
            {
                await writer.WriteAsync($$$"""{"edge":"Link","from":"n{{{i % 1000}}}","to":"n{{{(i / 1000) % 1000}}}"}""" + "\n");
            }
        }

        await graph.Client.LoadFileAsync(data, GraphLoadMode.Overwrite);
        Settle();
        return graph;
    }

    private static string UpdateParameters(int i, int rows) => $$"""{"key":"t{{(long)i * 7_919 % rows}}","value":{{i}}}""";

    private static async Task<OmniGraphEmbedded> ThingGraphAsync(string root, int rows)
    {
        var graph = await OmniGraphEmbedded.InitAsync(root, ThingSchema, Configure);
        var data = Path.Combine(root, "things.jsonl");
        await using (var writer = new StreamWriter(data, append: false, new UTF8Encoding(false), 1 << 20))
        {
            for (var i = 0; i < rows; i++)
            {
                await writer.WriteAsync($$$"""{"type":"Thing","data":{"key":"t{{{i}}}","value":{{{i}}},"note":"row {{{i}}}"}}""" + "\n");
            }
        }

        var start = Stopwatch.GetTimestamp();
        await graph.Client.LoadFileAsync(data, GraphLoadMode.Overwrite);
        Console.WriteLine($"generated load of {rows:N0} Thing rows: {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s");
        Settle();
        return graph;
    }

    /// <summary>Measures two operations alternately (which goes first alternates too).</summary>
    private static async Task<(List<double> First, List<double> Second)> MeasurePairAsync(int ops, Func<int, Task<ChangeOutput>> first, Func<int, Task<ChangeOutput>> second)
    {
        for (var i = 0; i < Warmup; i++)
        {
            Check(await first(ops + i));
            Check(await second(ops + i));
        }

        var a = new List<double>(ops);
        var b = new List<double>(ops);
        for (var i = 0; i < ops; i++)
        {
            if (i % 2 == 0)
            {
                a.Add(await TimeAsync(first, i));
                b.Add(await TimeAsync(second, i));
            }
            else
            {
                b.Add(await TimeAsync(second, i));
                a.Add(await TimeAsync(first, i));
            }
        }

        return (a, b);
    }

    private static async Task<double> TimeAsync(Func<int, Task<ChangeOutput>> operation, int i)
    {
        var start = Stopwatch.GetTimestamp();
        var change = await operation(i);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        Check(change);
        return elapsed;
    }

    /// <summary>Lets the garbage of a large load go before measuring (a full blocking collection).</summary>
    private static void Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    private static RecordBatch PersonRow(TableLayout layout, string id)
    {
        var ids = new Utf8ColumnBuilder();
        var keys = new Utf8ColumnBuilder();
        var names = new Utf8ColumnBuilder();
        var ages = new PrimitiveColumnBuilder<int>(ArrowType.Int32);
        var cities = new Utf8ColumnBuilder();
        var joined = new PrimitiveColumnBuilder<int>(ArrowType.Date32);
        var scores = new PrimitiveColumnBuilder<double>(ArrowType.Float64);
        ids.Append(id);
        keys.Append(id);
        names.Append("Engine");
        ages.Append(30);
        cities.Append("Berlin");
        joined.Append(19_724);
        scores.Append(1.5);
        return new RecordBatch(layout.Schema, [ids.Build(), keys.Build(), names.Build(), ages.Build(), cities.Build(), joined.Build(), scores.Build()]);
    }

    private static async Task<List<double>> MeasureAsync(int ops, Func<int, Task<ChangeOutput>> operation)
    {
        for (var i = 0; i < Warmup; i++)
        {
            Check(await operation(ops + i));
        }

        var latencies = new List<double>(ops);
        for (var i = 0; i < ops; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var change = await operation(i);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            Check(change);
        }

        return latencies;
    }

    private static void Check(ChangeOutput change)
    {
        if (change.Commit is null || change.AffectedNodes + change.AffectedEdges == 0)
        {
            throw new InvalidOperationException($"the measured mutation {change.QueryName} changed nothing");
        }
    }

    private static void Report(string what, List<double> latencies, Dictionary<string, double> results, string key)
    {
        var sorted = latencies.Order().ToArray();
        Console.WriteLine($"{what}: p50 {sorted[sorted.Length / 2]:F2} ms, p90 {sorted[sorted.Length * 9 / 10]:F2} ms, min {sorted[0]:F2} ms, max {sorted[^1]:F2} ms");
        results[key] = Math.Round(sorted[sorted.Length / 2], 3);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static void Configure(EmbeddedGraphOptions options) =>
        options.ConfigureSilo = static silo => silo.AddOmniGraphLoading().AddOmniGraphMutations();

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
