namespace OmniGraph.Storage.Local;

/// <summary>
/// Turns operating-system failures (disk full, permission denied, I/O error, ...) into
/// <see cref="ObjectStoreUnavailableException"/> saying what failed where and why in our words
/// (<see cref="IoErrorText"/>), so callers handle one typed error.
/// </summary>
internal static class LocalIoErrors
{
    public static ObjectStoreUnavailableException FromErrno(string key, string operation, string path, int errno) =>
        new(key, $"{operation} '{path}' failed: {IoErrorText.ReasonForCode(errno)} (errno {errno})");

    public static ObjectStoreUnavailableException FromException(string key, string operation, string path, Exception exception) =>
        new(key, $"{operation} '{path}' failed: {IoErrorText.Reason(exception)}", exception);

    /// <summary>Whether <paramref name="exception"/> is an operating-system I/O failure to report as unavailable.</summary>
    public static bool IsIoFailure(Exception exception) => exception is IOException or UnauthorizedAccessException;
}
