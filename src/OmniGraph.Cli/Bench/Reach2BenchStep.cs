namespace OmniGraph.Cli.Bench;

/// <summary>
/// <c>reach2_p50_ms</c> and <c>reach2_total</c>: the distinct persons within one or two <c>Knows</c> hops of each
/// <c>hop_ids</c> entry, the source excluded (the breadth-first search never re-emits its source), summed.
/// </summary>
internal sealed class Reach2BenchStep : IBenchStep
{
    public string Name => "reach2";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var parameters = context.Parameters.HopIds.Select(BenchQueries.IdParameters).ToArray();
        long total = 0;
        context.Results["reach2_p50_ms"] = await BenchQueries.MedianOverAsync(context, "reach2", parameters, result => total += BenchQueries.Count(result, "reach2"), cancellationToken);
        context.Results["reach2_total"] = total;
    }
}
