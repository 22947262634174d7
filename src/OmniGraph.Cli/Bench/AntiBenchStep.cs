namespace OmniGraph.Cli.Bench;

/// <summary><c>anti_ms</c> and <c>anti_count</c>: persons without any <c>WorksAt</c> edge (an anti-join), counted.</summary>
internal sealed class AntiBenchStep : IBenchStep
{
    public string Name => "anti";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var (milliseconds, result) = await BenchQueries.MedianOfRepsAsync(context, "anti", null, cancellationToken);
        context.Results["anti_ms"] = milliseconds;
        context.Results["anti_count"] = BenchQueries.Count(result, "anti");
    }
}
