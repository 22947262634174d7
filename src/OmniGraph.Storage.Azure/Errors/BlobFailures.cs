using Azure;
using Azure.Identity;
using Azure.Storage.Blobs.Models;

namespace OmniGraph.Storage.Azure;

/// <summary>
/// How the service's answers map onto the store's contract: which ones mean "not found", which a failed condition or
/// lease check (and with which reason, in the words every backend uses), and which a store that cannot be reached.
/// </summary>
internal static class BlobFailures
{
    public static bool Is(RequestFailedException exception, BlobErrorCode code) =>
        string.Equals(exception.ErrorCode, code.ToString(), StringComparison.Ordinal);

    public static bool IsNotFound(RequestFailedException exception) => exception.Status == 404;

    public static bool IsContainerNotFound(RequestFailedException exception) =>
        exception.Status == 404 && Is(exception, BlobErrorCode.ContainerNotFound);

    /// <summary>
    /// A write or delete refused by its condition or by a lease: every 412, and the 409s a blob write answers with when
    /// the blob exists under If-None-Match: * or its lease forbids the write.
    /// </summary>
    public static bool IsPreconditionFailure(RequestFailedException exception) =>
        exception.Status == 412
        || (exception.Status == 409 && (Is(exception, BlobErrorCode.BlobAlreadyExists) || FindWriteLeaseReason(exception) is not null));

    /// <summary>The lease reason of a refused write or delete, or <c>null</c> when the refusal was about the entity tag.</summary>
    public static string? FindWriteLeaseReason(RequestFailedException exception) => exception.ErrorCode switch
    {
        var code when code == BlobErrorCode.LeaseIdMissing.ToString() => LeaseRules.WriteWithoutLeaseId,
        var code when code == BlobErrorCode.LeaseIdMismatchWithBlobOperation.ToString() => LeaseRules.WrongLeaseId,
        var code when code == BlobErrorCode.LeaseNotPresentWithBlobOperation.ToString() => LeaseRules.NoActiveLease,
        var code when code == BlobErrorCode.LeaseLost.ToString() => LeaseRules.NoActiveLease,
        _ => null,
    };

    /// <summary>A lease operation refused because of the lease's state (held by another id, not present, broken, breaking).</summary>
    public static bool IsLeaseConflict(RequestFailedException exception) => exception.Status is 409 or 412;

    /// <summary>
    /// Whether <paramref name="exception"/> is a failure of the service or of the way to it (an error answer, a timeout, a
    /// dropped connection, a credential that cannot get a token) rather than the caller's cancellation or a bug.
    /// </summary>
    public static bool IsServiceFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        RequestFailedException or AggregateException or IOException or HttpRequestException or AuthenticationFailedException => true,
        _ => false,
    };

    /// <summary>One line that says what the service or the network did, for an an <see cref="OmniGraphException"/> (<c>store_unavailable</c>).</summary>
    public static string Describe(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 } failed => $"no answer from the service ({FirstLine(failed.Message)})",
        RequestFailedException failed => $"HTTP {failed.Status} {failed.ErrorCode ?? "(no error code)"}: {FirstLine(failed.Message)}",
        OperationCanceledException => "timed out waiting for the service",
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 ? Describe(aggregate.InnerExceptions[^1]) : FirstLine(aggregate.Message),
        AuthenticationFailedException => $"could not authenticate: {FirstLine(exception.Message)}",
        _ => FirstLine(exception.Message),
    };

    private static string FirstLine(string message)
    {
        var end = message.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? message : message[..end];
    }
}
