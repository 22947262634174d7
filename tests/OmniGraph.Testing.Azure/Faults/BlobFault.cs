namespace OmniGraph.Testing.Azure;

/// <summary>
/// What the <see cref="BlobFaultInjector"/> does to an attempt it intercepts. Every failure the SDK can see is one of
/// these: an error answer the service never got to act on, an error answer after the service acted (the write happened,
/// the caller learns otherwise), a timeout before or after the service acted, a dropped connection, damaged bytes.
/// </summary>
/// <param name="Kind">Which failure.</param>
/// <param name="Status">The HTTP status of an answer (<see cref="BlobFaultKind.Respond"/>, <see cref="BlobFaultKind.RespondAfterApplying"/>).</param>
/// <param name="ErrorCode">The storage error code (<c>x-ms-error-code</c>) of that answer.</param>
public sealed record BlobFault(BlobFaultKind Kind, int Status = 0, string? ErrorCode = null)
{
    /// <summary>412 <c>ConditionNotMet</c>: a compare-and-swap lost.</summary>
    public static BlobFault ConditionNotMet { get; } = Respond(412, "ConditionNotMet");

    /// <summary>409 <c>BlobAlreadyExists</c>: a create-if-absent lost.</summary>
    public static BlobFault BlobAlreadyExists { get; } = Respond(409, "BlobAlreadyExists");

    /// <summary>404 <c>BlobNotFound</c>.</summary>
    public static BlobFault BlobNotFound { get; } = Respond(404, "BlobNotFound");

    /// <summary>500 <c>InternalError</c> (transient: retried).</summary>
    public static BlobFault InternalError { get; } = Respond(500, "InternalError");

    /// <summary>503 <c>ServerBusy</c> (transient: retried).</summary>
    public static BlobFault ServerBusy { get; } = Respond(503, "ServerBusy");

    /// <summary>403 <c>AuthorizationFailure</c> (not retried).</summary>
    public static BlobFault AuthorizationFailure { get; } = Respond(403, "AuthorizationFailure");

    /// <summary>
    /// The attempt times out without reaching the service: after <see cref="BlobFaultInjector.TimeoutDelay"/> it fails as
    /// the pipeline's network timeout fails an attempt (a <see cref="TaskCanceledException"/> the caller did not ask for;
    /// transient: retried). Quick, so tests need not wait out a real timeout.
    /// </summary>
    public static BlobFault Timeout { get; } = new(BlobFaultKind.Timeout);

    /// <summary>The service applies the request, then the attempt times out as <see cref="Timeout"/> does: the answer is lost.</summary>
    public static BlobFault TimeoutAfterApplying { get; } = new(BlobFaultKind.TimeoutAfterApplying);

    /// <summary>The attempt hangs, never reaching the service, until the pipeline's own network timeout (or the caller) ends it.</summary>
    public static BlobFault Hang { get; } = new(BlobFaultKind.Hang);

    /// <summary>The connection drops before the request is sent (transient: retried).</summary>
    public static BlobFault ConnectionDropped { get; } = new(BlobFaultKind.ConnectionDropped);

    /// <summary>The service answers normally but one byte of the body arrives changed.</summary>
    public static BlobFault CorruptBody { get; } = new(BlobFaultKind.CorruptBody);

    /// <summary>An error answer with <paramref name="status"/> and <paramref name="errorCode"/>, instead of sending the request.</summary>
    public static BlobFault Respond(int status, string errorCode) => new(BlobFaultKind.Respond, status, errorCode);

    /// <summary>The request is sent and applied; its answer is replaced by <paramref name="status"/> and <paramref name="errorCode"/>.</summary>
    public static BlobFault RespondAfterApplying(int status, string errorCode) => new(BlobFaultKind.RespondAfterApplying, status, errorCode);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        BlobFaultKind.Respond => $"{Status} {ErrorCode}",
        BlobFaultKind.RespondAfterApplying => $"{Status} {ErrorCode} after applying",
        _ => Kind.ToString(),
    };
}

/// <summary>Kinds of <see cref="BlobFault"/>.</summary>
public enum BlobFaultKind
{
    /// <summary>An error answer; the service never sees the request.</summary>
    Respond,

    /// <summary>The service applies the request; the caller gets an error answer instead of its real one.</summary>
    RespondAfterApplying,

    /// <summary>The attempt times out; the service never sees the request.</summary>
    Timeout,

    /// <summary>The service applies the request; the attempt then times out.</summary>
    TimeoutAfterApplying,

    /// <summary>No answer until the pipeline's network timeout; the service never sees the request.</summary>
    Hang,

    /// <summary>The connection fails before the request is sent.</summary>
    ConnectionDropped,

    /// <summary>The real answer, with one byte of its body changed.</summary>
    CorruptBody,
}
