using System.CommandLine;
using System.Text.Json;
using OmniGraph.Cli.Infrastructure;

namespace OmniGraph.Cli.Bench;

/// <summary>
/// <c>omnigraph bench DATA_DIR [--reps N] [--work-dir DIR] [--server [--duration SECONDS]]</c>: the shared benchmark
/// workload on the embedded engine (with <c>--server</c>: through a real server, <see cref="Server.ServerBench"/>). Creates
/// a fresh graph from <c>DATA_DIR/schema.pg</c> on local disk (durable; in a temporary directory removed afterwards),
/// runs every <see cref="IBenchStep"/> in order and prints one JSON line (<c>system</c>, <c>entities</c>, each step's keys,
/// <c>peak_rss_mb</c>: the peak resident set of the workload, taken before the steps that come after it). Progress notes
/// go to standard error.
/// </summary>
internal sealed class BenchCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["bench"];

    public Command Build(CliRuntime runtime)
    {
        var dataDirectory = new Argument<string?>("DATA_DIR")
        {
            Description = "A directory written by gen.py (schema.pg, data.jsonl, person.csv, params.json); not with --history",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var reps = new Option<int>("--reps") { Description = "Repetitions of whole-graph operations (default 5)", DefaultValueFactory = static _ => 5, HelpName = "N" };
        var workDirectory = new Option<string?>("--work-dir") { Description = "Where to create the graph (default: a new temporary directory, removed afterwards)", HelpName = "DIR" };
        var server = new Option<bool>("--server") { Description = "Run lookup, hop1 and upsert32 through a real omnigraph serve over HTTP (1 and 32 clients), and Flight vs NDJSON export" };
        var duration = new Option<double>("--duration") { Description = "With --server: seconds each concurrency level of each operation runs (default 30)", DefaultValueFactory = static _ => 30, HelpName = "SECONDS" };
        var history = new Option<int>("--history") { Description = "Instead of the workload: N small commits, then optimize and cleanup, against a freshly loaded graph with the same content", HelpName = "N" };
        var command = new Command("bench", "Run the shared benchmark workload and print one JSON line") { dataDirectory, reps, workDirectory, server, duration, history };
        runtime.SetAction(command, json: null, async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetResult(history) is not null)
            {
                return await RunHistoryAsync(runtime, parseResult.GetValue(history), parseResult.GetValue(workDirectory), cancellationToken);
            }

            var data = System.IO.Path.GetFullPath(parseResult.GetValue(dataDirectory) ?? throw CliErrors.Usage("bench needs DATA_DIR (or --history N)"));
            var repetitions = parseResult.GetValue(reps);
            if (repetitions < 1)
            {
                throw CliErrors.Usage($"--reps must be at least 1 (got {repetitions})");
            }

            var parameters = BenchParameters.Read(System.IO.Path.Combine(data, "params.json"));
            var schema = await CliTextFile.ReadAsync(System.IO.Path.Combine(data, "schema.pg"), "schema file", cancellationToken);
            var requested = parseResult.GetValue(workDirectory);
            var root = requested ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"omnigraph-bench-{Guid.NewGuid():N}");
            var graphDirectory = System.IO.Path.Combine(root, "graph");
            try
            {
                if (parseResult.GetValue(server))
                {
                    var seconds = parseResult.GetValue(duration);
                    if (seconds <= 0)
                    {
                        throw CliErrors.Usage($"--duration must be positive (got {seconds})");
                    }

                    var served = await Server.ServerBench.RunAsync(data, schema, parameters, root, TimeSpan.FromSeconds(seconds), runtime.Console.Error, cancellationToken);
                    await runtime.Console.Out.WriteLineAsync(served.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
                    return CliExitCodes.Success;
                }

                await using var graph = await EmbeddedGraph.InitAsync(GraphTarget.Parse(graphDirectory), schema, cancellationToken);
                var context = new BenchContext(data, parameters, repetitions, graph.Client, runtime.Console.Error);
                context.Results["system"] = $"omnigraph-orleans-{OmniGraphCli.Version}";
                foreach (var step in BenchStepCatalog.All)
                {
                    await runtime.Console.Error.WriteLineAsync($"bench: {step.Name}");
                    await step.RunAsync(context, cancellationToken);
                    await runtime.Console.Error.WriteLineAsync(BenchContext.MemoryNote(step.Name));
                }

                // The workload's peak, compared with the peers': the steps after it (a thousand extra commits) are ours alone.
                var peak = BenchContext.PeakResidentMegabytes();
                foreach (var step in BenchStepCatalog.AfterWorkload)
                {
                    await runtime.Console.Error.WriteLineAsync($"bench: {step.Name}");
                    await step.RunAsync(context, cancellationToken);
                }

                context.Results["peak_rss_mb"] = peak;
                await runtime.Console.Out.WriteLineAsync(context.Results.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
            }
            finally
            {
                if (requested is null)
                {
                    TryDelete(root);
                }
            }

            return CliExitCodes.Success;
        });
        return command;
    }

    /// <summary><c>bench --history N</c>: <see cref="HistoryBench"/> in the work directory (or a temporary one, removed afterwards).</summary>
    private static async Task<int> RunHistoryAsync(CliRuntime runtime, int commits, string? requested, CancellationToken cancellationToken)
    {
        if (commits < 1)
        {
            throw CliErrors.Usage($"--history must be at least 1 (got {commits})");
        }

        var root = requested ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"omnigraph-bench-{Guid.NewGuid():N}");
        try
        {
            var results = await HistoryBench.RunAsync(commits, root, runtime.Console.Error, cancellationToken);
            await runtime.Console.Out.WriteLineAsync(results.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
            return CliExitCodes.Success;
        }
        finally
        {
            if (requested is null)
            {
                TryDelete(root);
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A temporary directory left behind is harmless; the OS cleans its temp area.
        }
    }
}
