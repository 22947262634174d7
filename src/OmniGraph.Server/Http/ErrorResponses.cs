namespace OmniGraph.Server.Http;

/// <summary>
/// Writes every failure the same way: the error envelope (<see cref="ErrorEnvelope"/>) with the status of the code's
/// kind (<see cref="ErrorKinds.HttpStatus"/>), plus <c>Retry-After</c> on 429. The one mapping from errors to responses.
/// </summary>
internal static class ErrorResponses
{
    /// <summary>Seconds a client should wait after a 429.</summary>
    public const int RetryAfterSeconds = 60;

    /// <summary>Answers <paramref name="context"/> with <paramref name="error"/> (the response must not have started).</summary>
    public static async Task WriteAsync(HttpContext context, OmniGraphException error)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = error.Kind.HttpStatus();
        if (error.Kind == ErrorKind.TooManyRequests)
        {
            response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (error.Kind == ErrorKind.Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }

        response.ContentType = WireNames.Json;
        var body = ErrorEnvelope.ToUtf8(error);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
