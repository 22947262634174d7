using System.Collections.Immutable;
using System.Text.Json;

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
    /// <exception cref="BenchDataException">It is missing or malformed.</exception>
    public static BenchParameters Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
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
        catch (Exception exception) when (exception is IOException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BenchDataException($"cannot read {path}: {exception.Message}", exception);
        }
    }
}
