using System.Text.Json.Serialization;

namespace OmniGraph.Cli.Output;

/// <summary>The <c>--json</c> error envelope on standard output: <c>{"error":{"code":…,"message":…}}</c>.</summary>
/// <param name="Error">The error.</param>
public sealed record ErrorOutput([property: JsonPropertyName("error")] ErrorBody Error);

/// <summary>One error.</summary>
/// <param name="Code">The stable error code.</param>
/// <param name="Message">The message for people.</param>
public sealed record ErrorBody(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
