using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Serving;

namespace OmniGraph.Cli.Bench.Server;

/// <summary>
/// <c>omnigraph bench DATA_DIR --server [--duration SECONDS]</c> (docs/benchmarks.md, "Server"): the shared workload
/// through a real <c>omnigraph serve</c> on loopback. Creates the graph (schema only), starts the server as a child
/// process and measures its resident set idle; loads <c>data.jsonl</c> through <c>POST /load/ndjson</c> (in bodies
/// under the 32 MiB limit) and measures it again; runs lookup, hop1 and upsert32 over HTTP from 1 and from 32
/// concurrent clients for the duration each (throughput, p50, p99, unexpected errors); and reads the <c>Knows</c>
/// edges (about 1 M rows at M) by Arrow Flight <c>DoGet</c> and by the NDJSON export route (rows per second).
/// </summary>
internal static class ServerBench
{
    /// <summary>The graph's id under the server's store root.</summary>
    private const string GraphId = "bench";

    private const long LoadChunkBytes = 24L * 1024 * 1024;

    private static readonly int[] s_clients = [1, 32];

    private const string LookupSource = "query lookup($id: String) { match { $p: Person { id_str: $id } } return { $p.name, $p.age } }";

    private const string Hop1Source = """
        query hop1($id: String) {
            match {
                $p: Person { id_str: $id }
                $p knows $f
            }
            return { $f.name }
        }
        """;

    /// <summary>Runs the server benchmark and returns its JSON line.</summary>
    public static async Task<JsonObject> RunAsync(string data, string schema, BenchParameters parameters, string root, TimeSpan duration, TextWriter log, CancellationToken cancellationToken)
    {
        await using (await EmbeddedGraph.InitAsync(GraphTarget.Parse(Path.Combine(root, GraphId)), schema, cancellationToken))
        {
        }

        var results = new JsonObject { ["system"] = $"omnigraph-orleans-{OmniGraphCli.Version}-server", ["entities"] = parameters.Entities, ["duration_s"] = duration.TotalSeconds };
        await using var server = await StartServerAsync(root, cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 4 * s_clients.Max() }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        results["server_idle_rss_mb"] = server.ResidentMegabytes();

        await log.WriteLineAsync("bench: server load");
        var loadStart = Stopwatch.GetTimestamp();
        await LoadAsync(http, Path.Combine(data, "data.jsonl"), cancellationToken);
        results["server_load_ms"] = BenchContext.ElapsedMilliseconds(loadStart);
        results["server_rss_after_load_mb"] = server.ResidentMegabytes();

        var errors = 0L;
        var persons = BenchPersons.First(Path.Combine(data, "person.csv"), parameters.UpsertBatch * s_clients.Max());
        if (persons.Count < parameters.UpsertBatch * s_clients.Max())
        {
            throw CliErrors.BenchData($"the server benchmark gives each of {s_clients.Max()} clients {parameters.UpsertBatch} persons of its own to upsert; person.csv has {persons.Count}");
        }

        foreach (var (name, operation) in Operations(http, parameters, persons))
        {
            foreach (var clients in s_clients)
            {
                await log.WriteLineAsync($"bench: server {name} x{clients} for {duration.TotalSeconds:0.#} s");
                var outcome = await ClosedLoopRun.RunAsync(clients, duration, operation, cancellationToken);
                var prefix = $"http_{name}_c{clients}";
                results[$"{prefix}_ops_per_s"] = outcome.OpsPerSecond;
                results[$"{prefix}_p50_ms"] = outcome.P50Ms;
                results[$"{prefix}_p99_ms"] = outcome.P99Ms;
                results[$"{prefix}_errors"] = outcome.Errors;
                errors += outcome.Errors;
                if (outcome.FirstError is { } first)
                {
                    await log.WriteLineAsync($"bench: server {name} x{clients}: {outcome.Errors} unexpected answers, the first: {first}");
                }
            }
        }

        results["http_unexpected_errors"] = errors;
        results["server_rss_after_workload_mb"] = server.ResidentMegabytes();

        await log.WriteLineAsync("bench: server export (Flight DoGet and NDJSON)");
        // Each read once untimed first (compiled, planned, warm), as the workload measures reads.
        await FlightExport.ReadKnowsAsync(server.BaseAddress, GraphId, cancellationToken);
        var (flightRows, flightMs) = await FlightExport.ReadKnowsAsync(server.BaseAddress, GraphId, cancellationToken);
        await ExportKnowsAsync(http, cancellationToken);
        var (ndjsonRows, ndjsonMs) = await ExportKnowsAsync(http, cancellationToken);
        if (flightRows != parameters.Knows || ndjsonRows != parameters.Knows)
        {
            throw CliErrors.BenchData($"the Knows export read {flightRows} rows by Flight and {ndjsonRows} by NDJSON, expected {parameters.Knows}");
        }

        results["export_rows"] = parameters.Knows;
        results["flight_doget_rows_per_s"] = Math.Round(flightRows * 1000 / flightMs);
        results["ndjson_export_rows_per_s"] = Math.Round(ndjsonRows * 1000 / ndjsonMs);
        results["server_peak_rss_after_export_mb"] = server.ResidentMegabytes();
        return results;
    }

    /// <summary>The timed operations: each returns <c>null</c> when the answer is the expected one, else what it was.</summary>
    private static IEnumerable<(string Name, Func<int, long, CancellationToken, Task<string?>> Operation)> Operations(HttpClient http, BenchParameters parameters, List<string[]> persons)
    {
        var lookupIds = parameters.LookupIds;
        var hopIds = parameters.HopIds;
        yield return ("lookup", (client, iteration, cancellationToken) =>
            QueryAsync(http, LookupSource, "lookup", lookupIds[(int)(((client * 7919) + iteration) % lookupIds.Length)], expectOneRow: true, cancellationToken));
        yield return ("hop1", (client, iteration, cancellationToken) =>
            QueryAsync(http, Hop1Source, "hop1", hopIds[(int)(((client * 7919) + iteration) % hopIds.Length)], expectOneRow: false, cancellationToken));

        // Each client upserts its own 32 persons (no two clients write one row), a new score each time.
        yield return ("upsert32", async (client, iteration, cancellationToken) =>
        {
            var lines = new StringBuilder();
            foreach (var person in persons.Skip(client * parameters.UpsertBatch).Take(parameters.UpsertBatch))
            {
                BenchPersons.AppendLine(lines, person, iteration + (client / 100.0));
            }

            using var content = new StringContent(lines.ToString(), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            using var response = await http.PostAsync($"graphs/{GraphId}/load/ndjson?mode=merge", content, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
        });
    }

    private static async Task<string?> QueryAsync(HttpClient http, string source, string name, string id, bool expectOneRow, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["query"] = source, ["name"] = name, ["params"] = new Dictionary<string, string> { ["id"] = id } });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"graphs/{GraphId}/query", content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return $"{(int)response.StatusCode} {text}";
        }

        return expectOneRow && !text.Contains("\"row_count\":1", StringComparison.Ordinal) ? $"lookup of {id} did not answer one row: {text}" : null;
    }

    /// <summary>Loads the data file through the NDJSON load route, in bodies under its limit (whole lines; nodes come first in the file).</summary>
    private static async Task LoadAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        var chunk = new StringBuilder();
        foreach (var line in File.ReadLines(path))
        {
            chunk.Append(line).Append('\n');
            if (chunk.Length >= LoadChunkBytes)
            {
                await LoadChunkAsync(http, chunk, cancellationToken);
            }
        }

        if (chunk.Length > 0)
        {
            await LoadChunkAsync(http, chunk, cancellationToken);
        }
    }

    private static async Task LoadChunkAsync(HttpClient http, StringBuilder chunk, CancellationToken cancellationToken)
    {
        using var content = new StringContent(chunk.ToString(), Encoding.UTF8);
        chunk.Clear();
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var response = await http.PostAsync($"graphs/{GraphId}/load/ndjson?mode=merge", content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw CliErrors.BenchData($"the load through the server failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>The <c>Knows</c> edges through <c>POST /export</c>, counted line by line as they stream.</summary>
    private static async Task<(long Rows, double Milliseconds)> ExportKnowsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        using var content = new StringContent("""{"type_names":["Knows"]}""", Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"graphs/{GraphId}/export") { Content = content };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var rows = 0L;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            rows += line.Length > 0 ? 1 : 0;
        }

        return (rows, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    /// <summary>
    /// <c>omnigraph serve</c> on the benchmark's root, open mode, with an admission wide enough for the benchmark's
    /// concurrent clients (open mode has no actors: every request is the same anonymous one, so its admission must hold
    /// them all).
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>bench_data</c>: the server did not start.</exception>
    private static async Task<ServeProcess> StartServerAsync(string root, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string> { [Commands.ServeCommand.InFlightVariable] = (s_clients.Max() * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        try
        {
            return await ServeProcess.StartAsync(root, environment, ["--unauthenticated"], TimeSpan.FromMinutes(5), cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            throw CliErrors.BenchData($"omnigraph serve did not start: {exception.Message}", exception);
        }
    }
}
