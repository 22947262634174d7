namespace OmniGraph.Storage.Local;

/// <summary>
/// Turns operating-system failures (disk full, permission denied, I/O error, ...) into
/// a <c>store_unavailable</c> <see cref="OmniGraphException"/> saying what failed where and why in our words
/// (<see cref="IoErrorText"/>), so callers handle one typed error.
/// </summary>
internal static class LocalIoErrors
{
    public static OmniGraphException FromErrno(string key, string operation, string path, int errno) =>
        StoreErrors.Unavailable(key, $"{operation} '{path}' failed: {IoErrorText.ReasonForCode(errno)} (errno {errno})");

    public static OmniGraphException FromException(string key, string operation, string path, Exception exception) =>
        StoreErrors.Unavailable(key, $"{operation} '{path}' failed: {IoErrorText.Reason(exception)}", exception);

    /// <summary>Whether <paramref name="exception"/> is an operating-system I/O failure to report as unavailable.</summary>
    public static bool IsIoFailure(Exception exception) => exception is IOException or UnauthorizedAccessException;
}
