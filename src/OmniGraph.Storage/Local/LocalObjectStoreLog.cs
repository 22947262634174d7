using Microsoft.Extensions.Logging;

namespace OmniGraph.Storage.Local;

/// <summary>Source-generated log messages of the local backend.</summary>
internal static partial class LocalObjectStoreLog
{
    [LoggerMessage(EventId = (int)LogEventId.LocalStoreOpened, Level = LogLevel.Information, Message = "Opened local object store at {Location}")]
    public static partial void Opened(ILogger logger, string location);

    [LoggerMessage(EventId = (int)LogEventId.LocalStoreRemovedStaleTemporaryFile, Level = LogLevel.Information, Message = "Removed stale temporary file {Path} (age {Age}) left by an interrupted write")]
    public static partial void RemovedStaleTemporaryFile(ILogger logger, string path, TimeSpan age);

    [LoggerMessage(EventId = (int)LogEventId.LocalStoreTemporaryFileSweepFailed, Level = LogLevel.Warning, Message = "Could not sweep temporary files in {Directory}")]
    public static partial void TemporaryFileSweepFailed(ILogger logger, string directory, Exception exception);

    [LoggerMessage(EventId = (int)LogEventId.LocalStoreUnnamedTemporaryFilesUnsupported, Level = LogLevel.Information, Message = "The file system of {Directory} has no unnamed files (errno {Errno}): writes use named temporary files, which a crashed writer leaves for the sweep")]
    public static partial void UnnamedTemporaryFilesUnsupported(ILogger logger, string directory, int errno);
}
