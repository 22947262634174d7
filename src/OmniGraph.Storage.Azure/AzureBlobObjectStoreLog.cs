using Microsoft.Extensions.Logging;

namespace OmniGraph.Storage.Azure;

/// <summary>Source-generated log messages of the Azure Blob backend (event ids 1101-1199).</summary>
internal static partial class AzureBlobObjectStoreLog
{
    [LoggerMessage(EventId = (int)LogEventId.AzureBlobStoreCreatedContainer, Level = LogLevel.Information, Message = "Created blob container {Container} for the object store {Location}")]
    public static partial void CreatedContainer(ILogger logger, string container, string location);

    [LoggerMessage(EventId = (int)LogEventId.AzureBlobStoreSucceededAfterRetries, Level = LogLevel.Information, Message = "Azure Blob {Operation} of {Key} in {Location} succeeded after {Attempts} attempts (earlier ones failed transiently)")]
    public static partial void SucceededAfterRetries(ILogger logger, string operation, string key, string location, int attempts);

    [LoggerMessage(EventId = (int)LogEventId.AzureBlobStoreOutcomeUnknown, Level = LogLevel.Warning, Message = "Azure Blob {Operation} of {Key} in {Location}: outcome unknown after {Attempts} attempts (the retry was refused with {Status} {ErrorCode}, and the attempt before it may have been applied)")]
    public static partial void OutcomeUnknown(ILogger logger, string operation, string key, string location, int attempts, int status, string? errorCode);

    [LoggerMessage(EventId = (int)LogEventId.AzureBlobStoreUnavailable, Level = LogLevel.Warning, Message = "Azure Blob {Operation} of {Key} in {Location} failed after {Attempts} attempts: {Reason}")]
    public static partial void Unavailable(ILogger logger, string operation, string key, string location, int attempts, string reason, Exception exception);

    [LoggerMessage(EventId = (int)LogEventId.AzureBlobStoreSkippedForeignBlob, Level = LogLevel.Warning, Message = "Listing {Location} skipped the blob {Name}: its name is not a valid object key ({Reason})")]
    public static partial void SkippedForeignBlob(ILogger logger, string location, string name, string reason);

    [LoggerMessage(EventId = (int)LogEventId.AzureBlobStoreChecksumMismatch, Level = LogLevel.Error, Message = "The blob {Key} in {Location} does not match the MD5 the service stored for it")]
    public static partial void ChecksumMismatch(ILogger logger, string key, string location);
}
