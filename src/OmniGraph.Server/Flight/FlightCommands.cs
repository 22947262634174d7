using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OmniGraph.Server.Flight;

/// <summary>
/// A read over Arrow Flight: the ticket of <c>DoGet</c> and the command of <c>GetFlightInfo</c>/<c>GetSchema</c>, as
/// UTF-8 JSON (docs/server.md#arrow-flight). The members are those of <c>POST /graphs/{id}/query</c> plus the graph.
/// </summary>
/// <param name="Graph">The graph id.</param>
/// <param name="Query">The <c>.gq</c> source.</param>
/// <param name="Name">The query to run in it (optional when the source holds one).</param>
/// <param name="Params">Parameter values as a JSON object.</param>
/// <param name="Branch">The branch whose head is read (default main).</param>
/// <param name="Snapshot">A snapshot to read instead: a commit id or a manifest version.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FlightReadTicket(
    [property: JsonPropertyName("graph")] string? Graph,
    [property: JsonPropertyName("query")] string? Query,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("params")] JsonElement? Params = null,
    [property: JsonPropertyName("branch")] string? Branch = null,
    [property: JsonPropertyName("snapshot")] string? Snapshot = null)
{
    /// <summary>The ticket's bytes.</summary>
    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, FlightJsonContext.Default.FlightReadTicket);

    /// <summary>Reads a ticket.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request_body</c>: not a read ticket.</exception>
    public static FlightReadTicket Parse(ReadOnlySpan<byte> utf8) => FlightJson.Parse(utf8, FlightJsonContext.Default.FlightReadTicket, "ticket");
}

/// <summary>
/// A bulk load over Arrow Flight: the command of <c>DoPut</c>'s descriptor, as UTF-8 JSON. The batches that follow are
/// rows of one node type (a column per property) or one edge type (<c>from</c> and <c>to</c> columns holding the
/// endpoints' keys, and a column per property); the whole put is one load, one commit.
/// </summary>
/// <param name="Graph">The graph id.</param>
/// <param name="Node">The node type the rows are (exclusive with <paramref name="Edge"/>).</param>
/// <param name="Edge">The edge type the rows are.</param>
/// <param name="Branch">The branch to write (default main).</param>
/// <param name="Mode">The load mode (<c>merge</c>, the default, <c>append</c> or <c>overwrite</c>).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FlightPutCommand(
    [property: JsonPropertyName("graph")] string? Graph,
    [property: JsonPropertyName("node")] string? Node = null,
    [property: JsonPropertyName("edge")] string? Edge = null,
    [property: JsonPropertyName("branch")] string? Branch = null,
    [property: JsonPropertyName("mode")] string? Mode = null)
{
    /// <summary>The command's bytes.</summary>
    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, FlightJsonContext.Default.FlightPutCommand);

    /// <summary>Reads a command.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request_body</c>: not a put command.</exception>
    public static FlightPutCommand Parse(ReadOnlySpan<byte> utf8) => FlightJson.Parse(utf8, FlightJsonContext.Default.FlightPutCommand, "put command");
}

/// <summary>Source-generated JSON of the Flight tickets and commands: unknown and repeated members are refused.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(FlightReadTicket))]
[JsonSerializable(typeof(FlightPutCommand))]
public sealed partial class FlightJsonContext : JsonSerializerContext;

internal static class FlightJson
{
    public static T Parse<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, typeInfo) ?? throw ServerErrors.InvalidBody($"the Flight {what} is JSON null, not an object");
        }
        catch (JsonException exception)
        {
            throw ServerErrors.InvalidBody($"the Flight {what} is not valid: {exception.Message}", exception);
        }
    }
}
