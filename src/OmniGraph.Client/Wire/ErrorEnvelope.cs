using System.Collections.Frozen;
using System.Text.Json;
using OmniGraph.Abstractions;

namespace OmniGraph.Client.Wire;

/// <summary>
/// The HTTP error body (docs/server.md, "Errors"): <c>{"error": message, "code": code, "details": {…}}</c>, the status
/// from the code's kind (<see cref="ErrorKinds.HttpStatus"/>), <c>details</c> omitted when there are none. The server
/// writes it from any <see cref="OmniGraphException"/>; a client reads it back into the same code, kind, message and
/// details, as the same exception type where code catches one by type (<see cref="GraphPreconditionFailedException"/>).
/// </summary>
public static class ErrorEnvelope
{
    private static readonly FrozenDictionary<string, Type> s_types = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [ErrorCodes.PreconditionFailure] = typeof(GraphPreconditionFailedException),
        [ErrorCodes.ReadSetConflict] = typeof(ReadSetChangedException),
        [ErrorCodes.RecoveryRequired] = typeof(RecoveryRequiredException),
        [ErrorCodes.CorruptObject] = typeof(CorruptObjectException),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the envelope of <paramref name="error"/>.</summary>
    public static void Write(Utf8JsonWriter writer, OmniGraphException error)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(error);
        writer.WriteStartObject();
        writer.WriteString("error", error.Message);
        writer.WriteString("code", error.Code);
        if (error.Details.Count > 0)
        {
            writer.WriteStartObject("details");
            foreach (var (name, value) in error.Details)
            {
                switch (value)
                {
                    case string text:
                        writer.WriteString(name, text);
                        break;
                    case long number:
                        writer.WriteNumber(name, number);
                        break;
                    case bool flag:
                        writer.WriteBoolean(name, flag);
                        break;
                    default:
                        writer.WriteNull(name);
                        break;
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The envelope of <paramref name="error"/> as UTF-8 JSON.</summary>
    public static byte[] ToUtf8(OmniGraphException error)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            Write(writer, error);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The error an HTTP error response stands for. A body that is not an envelope (a proxy's page, the framework's own
    /// 404 or 405) becomes an error whose kind matches <paramref name="status"/>; a code this client does not know (a
    /// newer server) is reported as <c>internal</c> with the code kept in the message.
    /// </summary>
    public static OmniGraphException Read(ReadOnlySpan<byte> body, int status, string? reason = null)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("error", out var message) && message.ValueKind == JsonValueKind.String
                && root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
            {
                return Rebuild(code.GetString()!, message.GetString()!, root.TryGetProperty("details", out var details) ? ReadDetails(details) : ErrorDetails.None);
            }
        }
        catch (JsonException)
        {
        }

        var text = System.Text.Encoding.UTF8.GetString(body.Length > 512 ? body[..512] : body).Trim();
        var summary = $"HTTP {status}{(string.IsNullOrEmpty(reason) ? string.Empty : " " + reason)}{(text.Length == 0 ? string.Empty : ": " + text)}";
        return new OmniGraphException(CodeOfStatus(status), summary);
    }

    private static OmniGraphException Rebuild(string code, string message, ErrorDetails details)
    {
        if (!ErrorCatalog.Contains(code))
        {
            return new OmniGraphException(ErrorCodes.Internal, $"{message} (error code {code})", details);
        }

        var type = s_types.GetValueOrDefault(code, typeof(OmniGraphException));
        return OmniGraphException.Rebuild(type, code, message, details, innerException: null);
    }

    private static ErrorDetails ReadDetails(JsonElement details)
    {
        if (details.ValueKind != JsonValueKind.Object)
        {
            return ErrorDetails.None;
        }

        var entries = new List<KeyValuePair<string, object?>>();
        foreach (var member in details.EnumerateObject())
        {
            object? value = member.Value.ValueKind switch
            {
                JsonValueKind.String => member.Value.GetString(),
                JsonValueKind.Number when member.Value.TryGetInt64(out var number) => number,
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => member.Value.GetRawText(),
            };
            entries.Add(new(member.Name, value));
        }

        return ErrorDetails.Of(entries);
    }

    /// <summary>The code that stands for a bare status (a response without an envelope).</summary>
    private static string CodeOfStatus(int status) => status switch
    {
        400 => ErrorCodes.InvalidRequestBody,
        401 => ErrorCodes.Unauthorized,
        404 => ErrorCodes.ObjectNotFound,
        413 => ErrorCodes.ResourceLimit,
        415 => ErrorCodes.UnsupportedMediaType,
        429 => ErrorCodes.TooManyRequests,
        501 => ErrorCodes.NotImplemented,
        503 => ErrorCodes.StoreUnavailable,
        504 => ErrorCodes.Timeout,
        _ => ErrorCodes.Internal,
    };
}
