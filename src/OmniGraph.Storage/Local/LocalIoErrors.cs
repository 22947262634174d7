using System.Runtime.InteropServices;

namespace OmniGraph.Storage.Local;

/// <summary>
/// Turns operating-system failures (disk full, permission denied, I/O error, ...) into
/// <see cref="ObjectStoreUnavailableException"/> carrying the OS message, so callers handle one typed error.
/// </summary>
internal static class LocalIoErrors
{
    public static ObjectStoreUnavailableException FromErrno(string key, string operation, string path, int errno) =>
        new(key, $"{operation} '{path}' failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");

    public static ObjectStoreUnavailableException FromException(string key, string operation, string path, Exception exception) =>
        new(key, $"{operation} '{path}' failed: {exception.Message}", exception);

    /// <summary>Whether <paramref name="exception"/> is an operating-system I/O failure to report as unavailable.</summary>
    public static bool IsIoFailure(Exception exception) => exception is IOException or UnauthorizedAccessException;
}
