using Microsoft.Extensions.Logging;

namespace OmniGraph.Security.Audit;

/// <summary>Source-generated log messages of the audit log.</summary>
internal static partial class AuditLogLog
{
    [LoggerMessage(EventId = (int)LogEventId.AuditLogLostRace, Level = LogLevel.Debug, Message = "Audit append on {Location} lost seq {Seq} to another writer; retrying after the new tail")]
    public static partial void LostRace(ILogger logger, string location, long seq);

    [LoggerMessage(EventId = (int)LogEventId.AuditLogTailNotUpdated, Level = LogLevel.Warning, Message = "Audit tail record on {Location} was not advanced to seq {Seq}; the next append probes forward from the older tail")]
    public static partial void TailNotUpdated(ILogger logger, string location, long seq, Exception? exception);

    [LoggerMessage(EventId = (int)LogEventId.AuditLogClaimCompleted, Level = LogLevel.Information, Message = "Audit claim for commit {Commit} action {Action} on {Location} was left unfinished; {Outcome}")]
    public static partial void ClaimCompleted(ILogger logger, string commit, string action, string location, string outcome);

    [LoggerMessage(EventId = (int)LogEventId.AuditLogAlreadyRecorded, Level = LogLevel.Debug, Message = "Audit append of commit {Commit} action {Action} on {Location} was already recorded at seq {Seq}")]
    public static partial void AlreadyRecorded(ILogger logger, string commit, string action, string location, long seq);
}
