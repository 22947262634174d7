using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary>The <c>--json</c> outputs of <c>mutate</c>, written like every CLI output (<see cref="CliJson"/>: pretty, relaxed escaping).</summary>
internal static class MutateJson
{
    private static readonly JsonSerializerOptions s_options = new(MutateJsonContext.Default.Options)
    {
        WriteIndented = CliJson.Options.WriteIndented,
        Encoder = CliJson.Options.Encoder,
    };

    /// <summary>Writes <paramref name="value"/> and a line break.</summary>
    public static async Task WriteAsync<T>(TextWriter output, T value)
    {
        var typeInfo = (JsonTypeInfo<T>)s_options.GetTypeInfo(typeof(T));
        await output.WriteLineAsync(JsonSerializer.Serialize(value, typeInfo)).ConfigureAwait(false);
    }
}

/// <summary>
/// What <c>mutate --json</c> prints when its compare-and-swap loses: the CLI's error envelope plus the structured
/// <c>precondition_failure</c> (<c>{"expected": …, "actual": …}</c>).
/// </summary>
/// <param name="Error">The error (<c>precondition_failure</c>).</param>
/// <param name="PreconditionFailure">The head the write expected and the head it found.</param>
internal sealed record MutatePreconditionFailureOutput(
    [property: JsonPropertyName("error")] ErrorBody Error,
    [property: JsonPropertyName("precondition_failure")] PreconditionFailureDetail PreconditionFailure);

/// <summary>The heads of a lost compare-and-swap.</summary>
/// <param name="Expected">The commit the write expected as the head.</param>
/// <param name="Actual">The head it found (<c>null</c> when the branch has none).</param>
internal sealed record PreconditionFailureDetail(
    [property: JsonPropertyName("expected")] string Expected,
    [property: JsonPropertyName("actual")] string? Actual);

/// <summary>Source-generated JSON metadata of the <c>mutate</c> outputs.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ChangeOutput))]
[JsonSerializable(typeof(MutatePreconditionFailureOutput))]
internal sealed partial class MutateJsonContext : JsonSerializerContext;
