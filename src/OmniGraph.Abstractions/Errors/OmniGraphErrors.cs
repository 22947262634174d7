namespace OmniGraph.Abstractions;

/// <summary>Helpers for the errors OmniGraph reports through the grain runtime.</summary>
public static class OmniGraphErrors
{
    /// <summary>
    /// The OmniGraph error an exception stands for. Orleans reports a storage provider failure (a grain's state that
    /// cannot be read, for example a damaged table head record) as an <see cref="OrleansException"/> wrapping it: the
    /// typed error inside is what happened, and what a caller should see and catch. Anything else is returned as is.
    /// </summary>
    public static Exception Unwrap(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var current = exception;
        while (current is OrleansException { InnerException: { } inner })
        {
            current = inner;
        }

        return current is OmniGraphException ? current : exception;
    }

    /// <summary>
    /// Every failure as an <see cref="OmniGraphException"/>: the one mapping the front-ends share (the CLI's exit code and
    /// the HTTP status both come from its <see cref="OmniGraphException.Kind"/>). A typed error is returned as is; a grain
    /// call past its response timeout is <c>timeout</c>; a bare I/O failure is <c>io_error</c>; anything else is
    /// <c>internal</c>, with the .NET exception's type in the message.
    /// </summary>
    public static OmniGraphException Classify(Exception exception) => Unwrap(exception) switch
    {
        OmniGraphException known => known,
        TimeoutException timeout => new OmniGraphException(ErrorCodes.Timeout, timeout.Message, timeout),
        IOException or UnauthorizedAccessException => new OmniGraphException(ErrorCodes.IoError, $"input/output failed: {IoErrorText.Reason(exception)}", exception),
        var other => new OmniGraphException(ErrorCodes.Internal, $"{other.GetType().Name}: {other.Message}", other),
    };
}
