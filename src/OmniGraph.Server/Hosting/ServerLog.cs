using Microsoft.Extensions.Logging;

namespace OmniGraph.Server.Hosting;

/// <summary>The server's log events (event ids 8000-8099, one registry).</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Information, Message = "Listening on {Address} ({AuthMode}); store root {Root}")]
    public static partial void Listening(ILogger logger, string address, string authMode, string root);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Graph '{GraphId}' opened ({Location})")]
    public static partial void GraphOpened(ILogger logger, string graphId, string location);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Graph '{GraphId}' ({Location}) is quarantined: it did not open: error[{Code}]: {Message}")]
    public static partial void GraphQuarantined(ILogger logger, string graphId, string location, string code, string message);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Serving {Served} of {Found} graphs")]
    public static partial void GraphsServed(ILogger logger, int served, int found);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Skipped '{Name}' under the store root: {Reason}")]
    public static partial void FolderSkipped(ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Error, Message = "{Method} {Path} failed: error[{Code}]")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path, string code);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Warning, Message = "{Method} {Path} failed after its response started; the connection is aborted: error[{Code}]: {Message}")]
    public static partial void StreamAborted(ILogger logger, string method, string path, string code, string message);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Information, Message = "Stopping: requests in flight finish (up to {Timeout})")]
    public static partial void Stopping(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 8008, Level = LogLevel.Warning, Message = "{Variable}='{Value}' is not a valid value; the default {Default} applies")]
    public static partial void InvalidSetting(ILogger logger, string variable, string value, string @default);

    [LoggerMessage(EventId = 8009, Level = LogLevel.Debug, Message = "Allowed {Action} on graph {GraphId} (branch {Branch}, target {TargetBranch}) for actor {Actor}: {Basis}, rule {Rule}")]
    public static partial void AccessAllowed(ILogger logger, string? actor, string action, string? graphId, string? branch, string? targetBranch, string? rule, OmniGraph.Security.AccessBasis basis);

    [LoggerMessage(EventId = 8010, Level = LogLevel.Information, Message = "Denied {Action} on graph {GraphId} (branch {Branch}, target {TargetBranch}) for actor {Actor}: {Basis}: {Reason}")]
    public static partial void AccessDenied(ILogger logger, string? actor, string action, string? graphId, string? branch, string? targetBranch, OmniGraph.Security.AccessBasis basis, string? reason);

    [LoggerMessage(EventId = 8011, Level = LogLevel.Error, Message = "The denial of {Action} on graph {GraphId} could not be recorded in its audit log; the request is refused anyway")]
    public static partial void DenialNotAudited(ILogger logger, Exception exception, string graphId, string action);

    [LoggerMessage(EventId = 8012, Level = LogLevel.Warning, Message = "Serving without authentication on {Address}, which is not a loopback address: anyone who can reach it may read and write every graph")]
    public static partial void OpenModeExposed(ILogger logger, string address);
}
