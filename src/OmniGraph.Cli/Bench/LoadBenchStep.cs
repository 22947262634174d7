using System.Diagnostics;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Bench;

/// <summary>
/// <c>load_ms</c>: <c>data.jsonl</c> loaded into the fresh graph with <c>overwrite</c>, as one durable commit, streamed
/// from disk in 4 MiB chunks exactly as <c>omnigraph load</c> does. Adds <c>entities</c>, <c>load_ms</c>,
/// <c>load_entities_per_s</c> and the peak resident set right after the load (<c>load_peak_rss_mb</c>).
/// </summary>
internal sealed class LoadBenchStep : IBenchStep
{
    public string Name => "load";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var output = await context.Graph.LoadFileAsync(context.DataFile("data.jsonl"), GraphLoadMode.Overwrite, cancellationToken: cancellationToken);
        var milliseconds = BenchContext.ElapsedMilliseconds(start);
        if (output.TotalEntities != context.Parameters.Entities)
        {
            throw CliErrors.BenchData($"the load reported {output.TotalEntities} entities; params.json says {context.Parameters.Entities}");
        }

        context.Results["entities"] = output.TotalEntities;
        context.Results["load_ms"] = milliseconds;
        context.Results["load_entities_per_s"] = Math.Round(output.TotalEntities / (milliseconds / 1000.0), 1);
        context.Results["load_peak_rss_mb"] = BenchContext.PeakResidentMegabytes();
        if (output.Timings is { } timings)
        {
            // Where the load's time went inside the session (extra keys; the peers have no equivalent).
            context.Results["load_parse_ms"] = Math.Round(timings.ParseMilliseconds, 1);
            context.Results["load_staging_ms"] = Math.Round(timings.StagingMilliseconds, 1);
            context.Results["load_commit_ms"] = Math.Round(timings.CommitMilliseconds, 1);
        }
    }
}
