using Microsoft.Extensions.Logging;

namespace OmniGraph.Server.Hosting;

/// <summary>The server's log events (event ids 8000-8099, one registry).</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = (int)LogEventId.ServerListening, Level = LogLevel.Information, Message = "Listening on {Address} ({AuthMode}); store root {Root}")]
    public static partial void Listening(ILogger logger, string address, string authMode, string root);

    [LoggerMessage(EventId = (int)LogEventId.ServerGraphOpened, Level = LogLevel.Information, Message = "Graph '{GraphId}' opened ({Location})")]
    public static partial void GraphOpened(ILogger logger, string graphId, string location);

    [LoggerMessage(EventId = (int)LogEventId.ServerGraphQuarantined, Level = LogLevel.Warning, Message = "Graph '{GraphId}' ({Location}) is quarantined: it did not open: error[{Code}]: {Message}")]
    public static partial void GraphQuarantined(ILogger logger, string graphId, string location, string code, string message);

    [LoggerMessage(EventId = (int)LogEventId.ServerGraphsServed, Level = LogLevel.Information, Message = "Serving {Served} of {Found} graphs")]
    public static partial void GraphsServed(ILogger logger, int served, int found);

    [LoggerMessage(EventId = (int)LogEventId.ServerFolderSkipped, Level = LogLevel.Warning, Message = "Skipped '{Name}' under the store root: {Reason}")]
    public static partial void FolderSkipped(ILogger logger, string name, string reason);

    [LoggerMessage(EventId = (int)LogEventId.ServerRequestFailed, Level = LogLevel.Error, Message = "{Method} {Path} failed: error[{Code}]")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path, string code);

    [LoggerMessage(EventId = (int)LogEventId.ServerStreamAborted, Level = LogLevel.Warning, Message = "{Method} {Path} failed after its response started; the connection is aborted: error[{Code}]: {Message}")]
    public static partial void StreamAborted(ILogger logger, string method, string path, string code, string message);

    [LoggerMessage(EventId = (int)LogEventId.ServerStopping, Level = LogLevel.Information, Message = "Stopping: requests in flight finish (up to {Timeout})")]
    public static partial void Stopping(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = (int)LogEventId.ServerInvalidSetting, Level = LogLevel.Warning, Message = "{Variable}='{Value}' is not a valid value; the default {Default} applies")]
    public static partial void InvalidSetting(ILogger logger, string variable, string value, string @default);

    [LoggerMessage(EventId = (int)LogEventId.ServerAccessAllowed, Level = LogLevel.Debug, Message = "Allowed {Action} on graph {GraphId} (branch {Branch}, target {TargetBranch}) for actor {Actor}: {Basis}, rule {Rule}")]
    public static partial void AccessAllowed(ILogger logger, string? actor, string action, string? graphId, string? branch, string? targetBranch, string? rule, OmniGraph.Security.AccessBasis basis);

    [LoggerMessage(EventId = (int)LogEventId.ServerAccessDenied, Level = LogLevel.Information, Message = "Denied {Action} on graph {GraphId} (branch {Branch}, target {TargetBranch}) for actor {Actor}: {Basis}: {Reason}")]
    public static partial void AccessDenied(ILogger logger, string? actor, string action, string? graphId, string? branch, string? targetBranch, OmniGraph.Security.AccessBasis basis, string? reason);

    [LoggerMessage(EventId = (int)LogEventId.ServerDenialNotAudited, Level = LogLevel.Error, Message = "The denial of {Action} on graph {GraphId} could not be recorded in its audit log; the request is refused anyway")]
    public static partial void DenialNotAudited(ILogger logger, Exception exception, string graphId, string action);

    [LoggerMessage(EventId = (int)LogEventId.ServerOpenModeExposed, Level = LogLevel.Warning, Message = "Serving without authentication on {Address}, which is not a loopback address: anyone who can reach it may read and write every graph")]
    public static partial void OpenModeExposed(ILogger logger, string address);
}
