using Grpc.Core;

namespace OmniGraph.Server.Flight;

/// <summary>
/// Every failure of a Flight call as a gRPC status: the status code of the error's kind, the message as the status
/// detail, and the stable code in the trailer <see cref="CodeTrailer"/> (plus the whole error envelope, the same bytes
/// the HTTP routes answer, in <see cref="EnvelopeTrailer"/>), so a Flight client tells <c>graph_not_found</c> from
/// <c>branch_not_found</c> as an HTTP client does. The one mapping from errors to gRPC.
/// </summary>
public static class FlightErrors
{
    /// <summary>The trailer holding the error's stable code (ASCII).</summary>
    public const string CodeTrailer = "omnigraph-error-code";

    /// <summary>The binary trailer holding the error envelope as UTF-8 JSON.</summary>
    public const string EnvelopeTrailer = "omnigraph-error-bin";

    /// <summary>The gRPC status code of an error kind.</summary>
    public static StatusCode StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid or ErrorKind.Usage or ErrorKind.UnsupportedMediaType => StatusCode.InvalidArgument,
        ErrorKind.NotFound => StatusCode.NotFound,
        ErrorKind.Conflict => StatusCode.Aborted,
        ErrorKind.PreconditionFailed => StatusCode.FailedPrecondition,
        ErrorKind.TooLarge or ErrorKind.TooManyRequests => StatusCode.ResourceExhausted,
        ErrorKind.Unavailable => StatusCode.Unavailable,
        ErrorKind.Cancelled => StatusCode.Cancelled,
        ErrorKind.Timeout => StatusCode.DeadlineExceeded,
        ErrorKind.Unauthorized => StatusCode.Unauthenticated,
        ErrorKind.Forbidden => StatusCode.PermissionDenied,
        ErrorKind.NotImplemented => StatusCode.Unimplemented,
        _ => StatusCode.Internal,
    };

    /// <summary><paramref name="error"/> as the exception a gRPC handler throws.</summary>
    public static RpcException ToRpc(OmniGraphException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var trailers = new Metadata
        {
            { CodeTrailer, error.Code },
            { EnvelopeTrailer, ErrorEnvelope.ToUtf8(error) },
        };
        return new RpcException(new Status(StatusOf(error.Kind), error.Message), trailers);
    }

    /// <summary>
    /// The error a failed Flight call stands for, read back from its trailers (the envelope when present, else the
    /// status alone as <c>internal</c>). For clients of the Flight service.
    /// </summary>
    public static OmniGraphException FromRpc(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var envelope = exception.Trailers.GetValueBytes(EnvelopeTrailer);
        return envelope is null
            ? new OmniGraphException(ErrorCodes.Internal, $"Flight call failed: {exception.StatusCode}: {exception.Status.Detail}")
            : ErrorEnvelope.Read(envelope, status: 500);
    }

    /// <summary>Classifies any exception of a handler (the engine's typed errors keep their code).</summary>
    internal static OmniGraphException Classify(Exception exception) => OmniGraphErrors.Classify(exception);
}
