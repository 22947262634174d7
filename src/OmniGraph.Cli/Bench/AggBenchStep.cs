using OmniGraph.Arrow;
using OmniGraph.Cli.Infrastructure;

namespace OmniGraph.Cli.Bench;

/// <summary><c>agg_ms</c> and <c>agg_top_city</c>: <c>Knows</c> edges grouped by the source's city, by count descending then city.</summary>
internal sealed class AggBenchStep : IBenchStep
{
    public string Name => "agg";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var (milliseconds, result) = await BenchQueries.MedianOfRepsAsync(context, "agg", null, cancellationToken);
        if (result.RowCount == 0)
        {
            throw CliErrors.BenchData("agg returned no rows");
        }

        context.Results["agg_ms"] = milliseconds;
        context.Results["agg_top_city"] = ((Utf8Column)result.Rows.Column(0)).GetString(0);
    }
}
