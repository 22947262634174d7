using System.Text.Json;

namespace OmniGraph.Cli.Bench;

/// <summary><c>filter_ms</c> and <c>filter_count</c>: persons of <c>filter.city</c> aged at least <c>filter.min_age</c>, counted.</summary>
internal sealed class FilterBenchStep : IBenchStep
{
    public string Name => "filter";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var parameters = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["city"] = context.Parameters.FilterCity,
            ["min_age"] = context.Parameters.FilterMinAge,
        });
        var (milliseconds, result) = await BenchQueries.MedianOfRepsAsync(context, "filter", parameters, cancellationToken);
        context.Results["filter_ms"] = milliseconds;
        context.Results["filter_count"] = BenchQueries.Count(result, "filter");
    }
}
