using Microsoft.Extensions.Logging;

namespace OmniGraph.Persistence;

// Source-generated log messages of the provider.
public sealed partial class ObjectStoreGrainStorage
{
    [LoggerMessage(EventId = (int)LogEventId.GrainStorageRead, Level = LogLevel.Trace, Message = "Read grain state {Key} (ETag {ETag})")]
    private partial void LogRead(string key, string eTag);

    [LoggerMessage(EventId = (int)LogEventId.GrainStorageReadMissing, Level = LogLevel.Trace, Message = "Grain state {Key} does not exist")]
    private partial void LogReadMissing(string key);

    [LoggerMessage(EventId = (int)LogEventId.GrainStorageWritten, Level = LogLevel.Trace, Message = "Wrote grain state {Key} (ETag {ETag})")]
    private partial void LogWritten(string key, string eTag);

    [LoggerMessage(EventId = (int)LogEventId.GrainStorageCleared, Level = LogLevel.Trace, Message = "Cleared grain state {Key}")]
    private partial void LogCleared(string key);

    [LoggerMessage(EventId = (int)LogEventId.GrainStorageConflict, Level = LogLevel.Information, Message = "ETag conflict on {Operation} of grain state {Key}: stored {StoredETag}, grain held {GrainETag}")]
    private partial void LogConflict(string operation, string key, string? storedETag, string? grainETag);
}
