using OmniGraph.Cli.Infrastructure;
namespace OmniGraph.Cli.Bench;

/// <summary><c>lookup_p50_ms</c>: one keyed lookup per <c>lookup_ids</c> entry (name and age); each must find exactly one person.</summary>
internal sealed class LookupBenchStep : IBenchStep
{
    public string Name => "lookup";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var parameters = context.Parameters.LookupIds.Select(BenchQueries.IdParameters).ToArray();
        context.Results["lookup_p50_ms"] = await BenchQueries.MedianOverAsync(context, "lookup", parameters, static result =>
        {
            if (result.RowCount != 1)
            {
                throw CliErrors.BenchData($"lookup returned {result.RowCount} rows, expected 1");
            }
        }, cancellationToken);
    }
}
