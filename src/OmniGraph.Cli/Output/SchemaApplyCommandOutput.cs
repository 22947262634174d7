using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Output;

/// <summary>The JSON of <c>schema plan</c> and <c>schema apply</c> (<c>SchemaApplyOutput</c> with the graph's URI).</summary>
internal sealed record SchemaApplyCommandOutput(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("supported")] bool Supported,
    [property: JsonPropertyName("applied")] bool Applied,
    [property: JsonPropertyName("graph_manifest_version")] long GraphManifestVersion,
    [property: JsonPropertyName("commit_id")] string CommitId,
    [property: JsonPropertyName("schema_hash")] string SchemaHash,
    [property: JsonPropertyName("step_count")] int StepCount,
    [property: JsonPropertyName("steps")] ImmutableArray<SchemaStepOutput> Steps)
{
    public static SchemaApplyCommandOutput From(string uri, SchemaApplyOutput output) =>
        new(uri, output.Supported, output.Applied, output.GraphManifestVersion, output.CommitId, output.SchemaHash, output.StepCount, output.Steps);

    /// <summary>JSON, or one line per step then the outcome.</summary>
    public static async Task WriteAsync(CliRuntime runtime, bool json, SchemaApplyCommandOutput output)
    {
        var console = runtime.Console.Out;
        if (json)
        {
            await CliJson.WriteAsync(console, output);
            return;
        }

        foreach (var step in output.Steps)
        {
            await console.WriteLineAsync(step.Text);
        }

        await console.WriteLineAsync(
            !output.Supported ? "unsupported: nothing can be applied"
            : output.Applied ? string.Create(CultureInfo.InvariantCulture, $"applied: commit {output.CommitId} at manifest version {output.GraphManifestVersion}")
            : output.StepCount == 0 ? "no change"
            : "supported: apply it with 'omnigraph schema apply'");
    }
}
