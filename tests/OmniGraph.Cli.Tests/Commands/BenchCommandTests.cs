using System.Globalization;
using System.Text;
using System.Text.Json;
using OmniGraph.Cli.Tests.Support;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Cli.Tests.Commands;

/// <summary><c>omnigraph bench</c> on a small data set shaped like gen.py's: one JSON line with the workload's keys.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Bench_PrintsOneJsonLineWithTheWorkloadKeys()
    {
        using var workspace = new CliWorkspace();
        var data = WriteDataSet(workspace, persons: 120, companies: 10);

        var result = await CliRun.OkAsync("bench", data, "--reps", "1", "--work-dir", Path.Combine(workspace.Root, "bench-graph"));

        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        var keys = CliResult.Names(json);
        Assert.Equal(["system", "entities", "load_ms", "load_entities_per_s"], keys[..4]);
        Assert.Contains("upsert32_p50_ms", keys);
        Assert.Equal("peak_rss_mb", keys[^1]);
        Assert.StartsWith("omnigraph-orleans-", json.GetProperty("system").GetString(), StringComparison.Ordinal);
        Assert.Equal(120 + 10 + 240 + 120, json.GetProperty("entities").GetInt64());
        // The figures are measured (not asserted: speed is the benchmark's business), but they must agree with each other.
        var loadMs = json.GetProperty("load_ms").GetDouble();
        Assert.True(loadMs > 0, $"load_ms {loadMs}");
        Assert.Equal(json.GetProperty("entities").GetInt64() * 1000 / loadMs, json.GetProperty("load_entities_per_s").GetDouble(), tolerance: 0.02 * json.GetProperty("load_entities_per_s").GetDouble());
        Assert.True(json.GetProperty("upsert32_p50_ms").GetDouble() > 0);
        Assert.All(["branch_create_p50_ms", "branch_lookup_p50_ms", "branch_hop1_p50_ms", "merge32_p50_ms", "branch_delete_p50_ms", "change_feed_page1000_p50_ms", "commit_changes_page1000_p50_ms", "upsert32_after10_p50_ms", "upsert32_after1000_p50_ms", "upsert32_history_growth", "insert1_allocated_kb"], key => Assert.True(json.GetProperty(key).GetDouble() > 0, key));
        Assert.Contains("bench: load", result.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>bench --history N</c>: N commits, optimize and cleanup, against a fresh graph with the same content. The answers
    /// must agree, and the object count after maintenance is within the issue's 1.2x of the fresh graph's (a size budget,
    /// not a timing: latencies are reported, never asserted).
    /// </summary>
    [Fact]
    public async Task BenchHistory_AfterMaintenance_HasTheFreshGraphsContentAndObjectBudget()
    {
        using var workspace = new CliWorkspace();

        var result = await CliRun.OkAsync("bench", "--history", "40", "--work-dir", Path.Combine(workspace.Root, "history"));

        var json = JsonDocument.Parse(Assert.Single(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;
        Assert.Equal(40, json.GetProperty("history_commits").GetInt32());
        Assert.Equal(json.GetProperty("fresh_answer").GetString(), json.GetProperty("after_answer").GetString());
        Assert.True(json.GetProperty("cleanup_objects").GetInt32() > 0);
        Assert.True(json.GetProperty("after_objects").GetDouble() < json.GetProperty("before_objects").GetDouble());
        Assert.True(json.GetProperty("after_vs_fresh_objects").GetDouble() <= 1.2, $"objects after maintenance / fresh = {json.GetProperty("after_vs_fresh_objects").GetDouble()}");
        Assert.All(["after_lookup_p50_ms", "fresh_lookup_p50_ms", "after_hop1_p50_ms", "after_everyone_p50_ms"], key => Assert.True(json.GetProperty(key).GetDouble() > 0, key));
        Assert.StartsWith("error[usage]:", (await CliRun.RunAsync("bench", "--history", "0")).Error, StringComparison.Ordinal);
        Assert.StartsWith("error[usage]:", (await CliRun.RunAsync("bench")).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchServer_RunsTheWorkloadThroughARealServer_WithoutUnexpectedErrors()
    {
        using var workspace = new CliWorkspace();
        // Each of the 32 upserting clients has 32 persons of its own.
        var data = WriteDataSet(workspace, persons: 1_024, companies: 10);

        var result = await CliRun.OkAsync("bench", data, "--server", "--duration", "0.5", "--work-dir", Path.Combine(workspace.Root, "bench-server"));

        var json = JsonDocument.Parse(Assert.Single(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;
        Assert.EndsWith("-server", json.GetProperty("system").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, json.GetProperty("http_unexpected_errors").GetInt64());
        foreach (var operation in (string[])["lookup", "hop1", "upsert32"])
        {
            foreach (var clients in (int[])[1, 32])
            {
                var prefix = $"http_{operation}_c{clients}";
                Assert.True(json.GetProperty($"{prefix}_ops_per_s").GetDouble() > 0, prefix);
                Assert.True(json.GetProperty($"{prefix}_p99_ms").GetDouble() >= json.GetProperty($"{prefix}_p50_ms").GetDouble(), prefix);
                Assert.Equal(0, json.GetProperty($"{prefix}_errors").GetInt64());
            }
        }

        Assert.Equal(2_048, json.GetProperty("export_rows").GetInt64());
        Assert.All(["server_idle_rss_mb", "server_rss_after_load_mb", "flight_doget_rows_per_s", "ndjson_export_rows_per_s"], key => Assert.True(json.GetProperty(key).GetDouble() > 0, key));
    }

    [Fact]
    public async Task BenchServer_ANonPositiveDuration_IsAUsageError()
    {
        using var workspace = new CliWorkspace();
        var data = WriteDataSet(workspace, persons: 20, companies: 2);

        var result = await CliRun.RunAsync("bench", data, "--server", "--duration", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error[usage]: --duration must be positive (got 0)\n", result.Error);
    }

    [Fact]
    public async Task Bench_MissingParams_IsTyped()
    {
        using var workspace = new CliWorkspace();

        var result = await CliRun.RunAsync("bench", workspace.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error[bench_data]: cannot read ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_BadReps_IsAUsageError()
    {
        using var workspace = new CliWorkspace();

        var result = await CliRun.RunAsync("bench", workspace.Root, "--reps", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error[usage]: --reps must be at least 1 (got 0)\n", result.Error);
    }

    /// <summary>The workload's files for a small graph: schema, data, person.csv and params.json (ids drawn with repeats).</summary>
    private static string WriteDataSet(CliWorkspace workspace, int persons, int companies)
    {
        var directory = Path.Combine(workspace.Root, "data");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "schema.pg"), BenchWorkloadFixtures.Schema);
        var jsonl = new StringBuilder();
        var csv = new StringBuilder();
        for (var c = 0; c < companies; c++)
        {
            jsonl.Append(CultureInfo.InvariantCulture, $"{{\"type\": \"Company\", \"data\": {{\"cname\": \"c{c}\", \"industry\": \"software\"}}}}\n");
        }

        for (var p = 0; p < persons; p++)
        {
            var joined = new DateOnly(2010, 1, 1).AddDays(p * 13).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var score = (p * 7.25).ToString(CultureInfo.InvariantCulture);
            jsonl.Append(CultureInfo.InvariantCulture, $"{{\"type\": \"Person\", \"data\": {{\"id_str\": \"p{p}\", \"name\": \"Ada {p}\", \"age\": {18 + (p % 60)}, \"city\": \"Berlin\", \"joined\": \"{joined}\", \"score\": {score}}}}}\n");
            csv.Append(CultureInfo.InvariantCulture, $"p{p},Ada {p},{18 + (p % 60)},Berlin,{joined},{score}\n");
        }

        for (var p = 0; p < persons; p++)
        {
            for (var k = 1; k <= 2; k++)
            {
                jsonl.Append(CultureInfo.InvariantCulture, $"{{\"edge\": \"Knows\", \"from\": \"p{p}\", \"to\": \"p{(p + (k * 17)) % persons}\", \"data\": {{\"since\": 2001}}}}\n");
            }
        }

        for (var p = 0; p < persons; p++)
        {
            jsonl.Append(CultureInfo.InvariantCulture, $"{{\"edge\": \"WorksAt\", \"from\": \"p{p}\", \"to\": \"c{p % companies}\"}}\n");
        }

        File.WriteAllText(Path.Combine(directory, "data.jsonl"), jsonl.ToString());
        File.WriteAllText(Path.Combine(directory, "person.csv"), csv.ToString());
        var random = new Random(3);
        var lookups = Enumerable.Range(0, 200).Select(_ => $"p{random.Next(persons)}").ToArray();
        File.WriteAllText(Path.Combine(directory, "params.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["persons"] = persons,
            ["companies"] = companies,
            ["knows"] = persons * 2,
            ["works_at"] = persons,
            ["lookup_ids"] = lookups,
            ["hop_ids"] = lookups[..50],
            ["filter"] = new Dictionary<string, object> { ["city"] = "Berlin", ["min_age"] = 60 },
            ["upsert_batch"] = 32,
        }));
        return directory;
    }
}
