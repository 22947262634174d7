namespace OmniGraph.Cli.Bench;

/// <summary><c>hop2_p50_ms</c> and <c>hop2_paths</c>: the number of two-step <c>Knows</c> paths from each <c>hop_ids</c> entry (summed).</summary>
internal sealed class Hop2BenchStep : IBenchStep
{
    public string Name => "hop2";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var parameters = context.Parameters.HopIds.Select(BenchQueries.IdParameters).ToArray();
        long paths = 0;
        context.Results["hop2_p50_ms"] = await BenchQueries.MedianOverAsync(context, "hop2", parameters, result => paths += BenchQueries.Count(result, "hop2"), cancellationToken);
        context.Results["hop2_paths"] = paths;
    }
}
