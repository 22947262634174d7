using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Bench;

/// <summary>
/// <c>branch_lookup_p50_ms</c>, <c>branch_hop1_p50_ms</c> (our own keys): the lookup and hop1 operations at the head of
/// a branch just created from main, which shares every table version with main; the answers must equal main's
/// (<c>hop1_rows</c>). Compared with <c>lookup_p50_ms</c> and <c>hop1_p50_ms</c>, measured just before on main.
/// </summary>
internal sealed class BranchReadBenchStep : IBenchStep
{
    private const string Branch = "bench/read";

    public string Name => "reads on a fresh branch";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await context.Graph.CreateBranchAsync(Branch, cancellationToken: cancellationToken);
        var target = QueryTarget.Head(Branch);
        var lookups = context.Parameters.LookupIds.Select(BenchQueries.IdParameters).ToArray();
        context.Results["branch_lookup_p50_ms"] = await BenchQueries.MedianOverAsync(context, "lookup", lookups, static result =>
        {
            if (result.RowCount != 1 || result.Branch != Branch)
            {
                throw CliErrors.BenchData($"lookup on {result.Branch} returned {result.RowCount} rows, expected 1 on {Branch}");
            }
        }, cancellationToken, target);

        long rows = 0;
        var hops = context.Parameters.HopIds.Select(BenchQueries.IdParameters).ToArray();
        context.Results["branch_hop1_p50_ms"] = await BenchQueries.MedianOverAsync(context, "hop1", hops, result => rows += result.RowCount, cancellationToken, target);
        if (context.Results["hop1_rows"]?.GetValue<long>() is { } mainRows && mainRows != rows)
        {
            throw CliErrors.BenchData($"hop1 on {Branch} returned {rows} rows, main {mainRows}");
        }

        await context.Graph.DeleteBranchAsync(Branch, cancellationToken);
    }
}
