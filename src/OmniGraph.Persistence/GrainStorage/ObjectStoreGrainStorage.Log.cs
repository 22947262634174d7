using Microsoft.Extensions.Logging;

namespace OmniGraph.Persistence;

// Source-generated log messages of the provider.
public sealed partial class ObjectStoreGrainStorage
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Trace, Message = "Read grain state {Key} (ETag {ETag})")]
    private partial void LogRead(string key, string eTag);

    [LoggerMessage(EventId = 2, Level = LogLevel.Trace, Message = "Grain state {Key} does not exist")]
    private partial void LogReadMissing(string key);

    [LoggerMessage(EventId = 3, Level = LogLevel.Trace, Message = "Wrote grain state {Key} (ETag {ETag})")]
    private partial void LogWritten(string key, string eTag);

    [LoggerMessage(EventId = 4, Level = LogLevel.Trace, Message = "Cleared grain state {Key}")]
    private partial void LogCleared(string key);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "ETag conflict on {Operation} of grain state {Key}: stored {StoredETag}, grain held {GrainETag}")]
    private partial void LogConflict(string operation, string key, string? storedETag, string? grainETag);
}
