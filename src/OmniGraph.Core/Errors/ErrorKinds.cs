namespace OmniGraph;

/// <summary>How each <see cref="ErrorKind"/> is reported: the <c>omnigraph</c> exit code and the HTTP status (docs/errors.md).</summary>
public static class ErrorKinds
{
    /// <summary>The exit code of an <c>omnigraph</c> command that failed with an error of <paramref name="kind"/>.</summary>
    public static int ExitCode(this ErrorKind kind) => kind switch
    {
        ErrorKind.Usage => 2,
        ErrorKind.PreconditionFailed => 4,
        ErrorKind.Cancelled => 130,
        _ => 1,
    };

    /// <summary>The HTTP status a front-end answers an error of <paramref name="kind"/> with.</summary>
    public static int HttpStatus(this ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid or ErrorKind.Usage => 400,
        ErrorKind.Unauthorized => 401,
        ErrorKind.Forbidden => 403,
        ErrorKind.NotFound => 404,
        ErrorKind.Conflict => 409,
        ErrorKind.Gone => 410,
        ErrorKind.PreconditionFailed => 412,
        ErrorKind.TooLarge => 413,
        ErrorKind.UnsupportedMediaType => 415,
        ErrorKind.TooManyRequests => 429,
        ErrorKind.Cancelled => 499,
        ErrorKind.NotImplemented => 501,
        ErrorKind.Unavailable => 503,
        ErrorKind.Timeout => 504,
        _ => 500,
    };
}
