using Microsoft.Extensions.Logging;

namespace OmniGraph.Loading.Sessions;

internal sealed partial class LoadSessionGrain
{
    [LoggerMessage((int)LogEventId.LoadSessionBegun, LogLevel.Debug, "Graph {GraphId}: load {Tx} began on {Branch} ({Mode}) at manifest version {Version}")]
    private partial void LogBegun(string graphId, string tx, string branch, string mode, long version);

    [LoggerMessage((int)LogEventId.LoadSessionCommitted, LogLevel.Information, "Graph {GraphId}: load {Tx} committed {Commit} on {Branch} (version {Version}, {Entities} entities, {Attempts} attempt(s))")]
    private partial void LogCommitted(string graphId, string tx, string branch, string commit, long version, long entities, int attempts);

    [LoggerMessage((int)LogEventId.LoadSessionFailed, LogLevel.Information, "Graph {GraphId}: load {Tx} failed ({Code}): {Message}")]
    private partial void LogFailed(string graphId, string tx, string code, string message);

    [LoggerMessage((int)LogEventId.LoadSessionAborted, LogLevel.Debug, "Graph {GraphId}: load {Tx} aborted by its caller")]
    private partial void LogAborted(string graphId, string tx);

    [LoggerMessage((int)LogEventId.LoadSessionAbandoned, LogLevel.Warning, "Graph {GraphId}: load {Tx} abandoned while {State}; its staging was released")]
    private partial void LogAbandoned(string graphId, string tx, string state);
}
