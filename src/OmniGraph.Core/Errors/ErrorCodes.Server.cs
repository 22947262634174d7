namespace OmniGraph;

/// <summary>The HTTP server's own codes (the request itself, before the engine sees it).</summary>
public static partial class ErrorCodes
{
    /// <summary>The request has no <c>Authorization: Bearer</c> header, or its token matches no configured token.</summary>
    [ErrorCode(ErrorKind.Unauthorized)]
    public const string Unauthorized = "unauthorized";

    /// <summary>A graph id in a route that is not 1 to 64 letters, digits or hyphens, or is a reserved word.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string InvalidGraphId = "invalid_graph_id";

    /// <summary>An HTTP request body (or query string) that is not well-formed JSON, is not valid UTF-8, or does not have the request's shape.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string InvalidRequestBody = "invalid_request_body";

    /// <summary>An HTTP request body whose <c>Content-Type</c> is missing or is not the one the route reads.</summary>
    [ErrorCode(ErrorKind.UnsupportedMediaType)]
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>The caller (the token's actor) has too many requests or bytes in flight; retry after <c>Retry-After</c> seconds.</summary>
    [ErrorCode(ErrorKind.TooManyRequests)]
    public const string TooManyRequests = "too_many_requests";

    /// <summary>A route of the interface that a later version fills (branch create/delete/merge, change feeds, schema apply).</summary>
    [ErrorCode(ErrorKind.NotImplemented)]
    public const string NotImplemented = "not_implemented";

    /// <summary>A client could not reach the server, or the connection broke before the answer was complete.</summary>
    [ErrorCode(ErrorKind.Unavailable)]
    public const string ServerUnavailable = "server_unavailable";
}
