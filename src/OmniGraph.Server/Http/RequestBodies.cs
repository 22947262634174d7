using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Net.Http.Headers;

namespace OmniGraph.Server.Http;

/// <summary>
/// Reading request bodies the same way on every route, in the order the errors are reported: the content type (415),
/// the declared length and then the bytes actually read against the route's limit (413, before any parsing), then the
/// JSON itself (400, with the parser's position). The handlers never see a body that failed any of these.
/// </summary>
internal static class RequestBodies
{
    /// <summary>The limit resource name of a JSON body.</summary>
    public const string RequestBytes = "request_body_bytes";

    /// <summary>The limit resource name of a load body.</summary>
    public const string LoadBytes = "graph_batch_request_bytes";

    /// <summary>Reads a JSON body of at most <paramref name="limit"/> bytes as <typeparamref name="T"/>.</summary>
    public static async Task<T> ReadJsonAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo, long limit, string resource = RequestBytes)
        where T : class
    {
        RequireContentType(context.Request, WireNames.Json);
        var bytes = await ReadLimitedAsync(context, limit, resource).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(bytes.Span, typeInfo) ?? throw ServerErrors.InvalidBody("the request body is JSON null; it must be an object");
        }
        catch (JsonException exception)
        {
            throw ServerErrors.InvalidBody($"the request body is not a valid {typeof(T).Name.Replace("Body", string.Empty, StringComparison.Ordinal)}: {exception.Message}", exception);
        }
    }

    /// <summary>Fails with 415 unless the request's media type is <paramref name="mediaType"/> (parameters such as <c>charset</c> are allowed).</summary>
    public static void RequireContentType(HttpRequest request, string mediaType)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed)
            || !string.Equals(parsed.MediaType.Value, mediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw ServerErrors.UnsupportedMediaType(mediaType, request.ContentType);
        }
    }

    /// <summary>Fails with 413 when the declared <c>Content-Length</c> is over <paramref name="limit"/> (nothing is read).</summary>
    public static void RequireDeclaredLength(HttpRequest request, long limit, string resource)
    {
        if (request.ContentLength is { } declared && declared > limit)
        {
            throw ServerErrors.BodyTooLarge(resource, limit, declared);
        }
    }

    /// <summary>The body as a stream that fails with 413 once more than <paramref name="limit"/> bytes are read.</summary>
    public static Stream OpenLimited(HttpContext context, long limit, string resource)
    {
        RequireDeclaredLength(context.Request, limit, resource);
        return new LimitedReadStream(context.Request.Body, limit, resource);
    }

    /// <summary>The whole body, at most <paramref name="limit"/> bytes.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadLimitedAsync(HttpContext context, long limit, string resource)
    {
        var body = OpenLimited(context, limit, resource);
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(context.Request.ContentLength ?? 4096, limit) + 1);
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(16 * 1024), context.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
        }
    }
}
