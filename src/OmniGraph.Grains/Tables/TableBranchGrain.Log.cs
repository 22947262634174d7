using Microsoft.Extensions.Logging;

namespace OmniGraph.Grains.Tables;

internal sealed partial class TableBranchGrain
{
    [LoggerMessage((int)LogEventId.TableBranchVersionLoaded, LogLevel.Debug, "Graph {GraphId}: loaded {Table} v{Version} ({Fragments} fragments, {Rows} rows)")]
    private partial void LogVersionLoaded(string graphId, string table, long version, int fragments, long rows);

    [LoggerMessage((int)LogEventId.TableBranchStaged, LogLevel.Debug, "Graph {GraphId}: staged {Table} v{Version} for {Tx} (+{Inserted} ~{Replaced} -{Deleted}, {Rows} rows)")]
    private partial void LogStaged(string graphId, string table, long version, string tx, long inserted, long replaced, long deleted, long rows);

    [LoggerMessage((int)LogEventId.TableBranchHeadMoved, LogLevel.Debug, "Graph {GraphId}: head of {Table}@{Branch} moved from {From} to {To} by {Tx}")]
    private partial void LogHeadMoved(string graphId, string table, string branch, string from, string to, string tx);

    [LoggerMessage((int)LogEventId.TableBranchStagingEvicted, LogLevel.Information, "Graph {GraphId}: forgot staging of {Tx} on {Table}@{Branch} (too many writes in progress)")]
    private partial void LogStagingEvicted(string graphId, string table, string branch, string tx);

    [LoggerMessage((int)LogEventId.TableBranchHeadRepaired, LogLevel.Warning, "Graph {GraphId}: recovery repair rewrote the head record of {Table}@{Branch} as {Head}")]
    private partial void LogHeadRepaired(string graphId, string table, string branch, string head);

    [LoggerMessage((int)LogEventId.TableBranchVersionResident, LogLevel.Debug, "Graph {GraphId}: read {Table} v{Version} into memory ({Fragments} fragments, {Rows} rows, {Columns})")]
    private partial void LogVersionResident(string graphId, string table, long version, int fragments, long rows, string columns);

    [LoggerMessage((int)LogEventId.TableBranchMergePlanned, LogLevel.Debug, "Graph {GraphId}: merge of {Table} examined {Examined} ids: {Upserts} rows to take, {Deletes} to delete, {Conflicts} conflicts")]
    private partial void LogMergePlanned(string graphId, string table, long examined, int upserts, int deletes, int conflicts);

    [LoggerMessage((int)LogEventId.TableBranchIncarnationForgotten, LogLevel.Information, "Graph {GraphId}: head record of {Table}@{Branch} from deleted incarnation {Incarnation} cleared")]
    private partial void LogIncarnationForgotten(string graphId, string table, string branch, string incarnation);
}
