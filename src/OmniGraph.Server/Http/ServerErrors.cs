namespace OmniGraph.Server.Http;

/// <summary>Throw helpers for the errors the server raises itself, before a request reaches the engine.</summary>
internal static class ServerErrors
{
    /// <summary><c>unsupported_media_type</c> (415): the body is not of <paramref name="expected"/>.</summary>
    public static OmniGraphException UnsupportedMediaType(string expected, string? actual) => new(
        ErrorCodes.UnsupportedMediaType,
        $"this route reads a body with Content-Type: {expected}, not {(string.IsNullOrEmpty(actual) ? "no Content-Type" : $"'{ErrorText.Quote(actual)}'")}",
        ErrorDetails.Of(ErrorDetail.Expected.With(expected), ErrorDetail.Actual.With(actual)));

    /// <summary><c>resource_limit</c> (413): the body is larger than the route takes.</summary>
    public static OmniGraphException BodyTooLarge(string resource, long limit, long actual) =>
        OmniGraph.Abstractions.EngineErrors.ResourceLimitExceeded(resource, limit, actual);

    /// <summary><c>invalid_request_body</c> (400): the body or the query string is not what the route reads.</summary>
    public static OmniGraphException InvalidBody(string reason, Exception? innerException = null) =>
        new(ErrorCodes.InvalidRequestBody, reason, innerException);

    /// <summary><c>not_implemented</c> (501): a route a later version fills.</summary>
    public static OmniGraphException NotImplemented(string what) =>
        new(ErrorCodes.NotImplemented, $"{what} is not served by this version yet");

    /// <summary><c>too_many_requests</c> (429): the actor's admission is full.</summary>
    public static OmniGraphException TooManyRequests(string actor, string reason) => new(
        ErrorCodes.TooManyRequests,
        $"too many requests in flight for actor '{ErrorText.Quote(actor)}': {reason}; retry later",
        ErrorDetails.Of(ErrorDetail.Reason.With(reason)));
}
