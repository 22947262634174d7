namespace OmniGraph.Cli.Bench;

/// <summary><c>hop1_p50_ms</c> and <c>hop1_rows</c>: the names of the persons each <c>hop_ids</c> entry knows (rows summed).</summary>
internal sealed class Hop1BenchStep : IBenchStep
{
    public string Name => "hop1";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var parameters = context.Parameters.HopIds.Select(BenchQueries.IdParameters).ToArray();
        long rows = 0;
        context.Results["hop1_p50_ms"] = await BenchQueries.MedianOverAsync(context, "hop1", parameters, result => rows += result.RowCount, cancellationToken);
        context.Results["hop1_rows"] = rows;
    }
}
