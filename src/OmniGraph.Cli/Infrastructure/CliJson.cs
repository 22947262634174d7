using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// How <c>--json</c> output is written: pretty-printed (two-space indent), text as UTF-8 without needless escapes, property
/// order and names as the output types declare them (the wire shapes of docs/cli.md), one document per command.
/// </summary>
public static class CliJson
{
    /// <summary>The options every JSON output uses.</summary>
    public static JsonSerializerOptions Options { get; } = new(CliJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="value"/> and a line break.</summary>
    public static async Task WriteAsync<T>(TextWriter output, T value)
    {
        ArgumentNullException.ThrowIfNull(output);
        var typeInfo = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        await output.WriteLineAsync(JsonSerializer.Serialize(value, typeInfo)).ConfigureAwait(false);
    }

    /// <summary>The snake_case name an enum value has in JSON, so the human form spells it as <c>--json</c> does.</summary>
    public static string NameOf<T>(T value)
        where T : struct, Enum =>
        JsonSerializer.Serialize(value, Options.GetTypeInfo(typeof(T))).Trim('"');
}
