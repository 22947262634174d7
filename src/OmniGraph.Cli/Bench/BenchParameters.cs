using System.Collections.Immutable;
using System.Text.Json;
using OmniGraph.Cli.Infrastructure;

namespace OmniGraph.Cli.Bench;

/// <summary>The data set's <c>params.json</c> (written by <c>gen.py</c>): counts and the sampled parameters every runner uses.</summary>
internal sealed record BenchParameters(
    long Persons,
    long Companies,
    long Knows,
    long WorksAt,
    ImmutableArray<string> LookupIds,
    ImmutableArray<string> HopIds,
    string FilterCity,
    int FilterMinAge,
    int UpsertBatch)
{
    /// <summary>Entities of the data set.</summary>
    public long Entities => Persons + Companies + Knows + WorksAt;

    /// <summary>Reads <c>params.json</c>.</summary>
    /// <exception cref="OmniGraphException">Code <c>bench_data</c>: It is missing or malformed.</exception>
    public static BenchParameters Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CliErrors.BenchData(IoErrorText.Describe("read", "the workload's", path, exception), exception);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var filter = root.GetProperty("filter");
            return new BenchParameters(
                root.GetProperty("persons").GetInt64(),
                root.GetProperty("companies").GetInt64(),
                root.GetProperty("knows").GetInt64(),
                root.GetProperty("works_at").GetInt64(),
                [.. root.GetProperty("lookup_ids").EnumerateArray().Select(static e => e.GetString()!)],
                [.. root.GetProperty("hop_ids").EnumerateArray().Select(static e => e.GetString()!)],
                filter.GetProperty("city").GetString()!,
                filter.GetProperty("min_age").GetInt32(),
                root.GetProperty("upsert_batch").GetInt32());
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            var reason = exception is JsonException json ? JsonSyntax.DescribeFailure(bytes, json) : "it is not gen.py's params.json (a member is missing or of the wrong kind)";
            throw CliErrors.BenchData($"cannot read {path}: {reason}", exception);
        }
    }
}
