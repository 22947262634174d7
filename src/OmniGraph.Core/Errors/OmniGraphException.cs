using System.Runtime.ExceptionServices;

namespace OmniGraph;

/// <summary>
/// Every error OmniGraph reports on purpose: a stable, machine-readable <see cref="Code"/> from
/// <see cref="ErrorCodes"/> (snake_case, never renamed once shipped), its <see cref="Kind"/> (which decides the CLI's
/// exit code and the HTTP status), typed <see cref="Details"/>, and a message for people that may be reworded. Messages
/// are bounded in size (<see cref="ErrorText.Bound"/>): whatever an input quotes, one error stays one readable line.
/// </summary>
/// <remarks>
/// Most errors are this type itself, made by the throw helpers of the part that raises them. A subclass exists only
/// where code catches it by type; it adds typed views over <see cref="Details"/> and no state of its own, and it has a
/// constructor of the shape <c>(string code, string message, ErrorDetails details, Exception? innerException)</c>, so
/// that <see cref="Rebuild"/> (which the grain-boundary codec and key-translating decorators use) can make one again.
/// </remarks>
public class OmniGraphException : Exception
{
    /// <summary>An error with <paramref name="code"/> (one of <see cref="ErrorCodes"/>), a message and its details.</summary>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not in the catalogue.</exception>
    public OmniGraphException(string code, string message, ErrorDetails? details = null, Exception? innerException = null)
        : base(ErrorText.Bound(message ?? string.Empty), innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        if (!ErrorCatalog.Contains(code))
        {
            throw new ArgumentException($"'{code}' is not a code of {nameof(ErrorCodes)}", nameof(code));
        }

        Code = code;
        Kind = ErrorCatalog.KindOf(code);
        Details = details ?? ErrorDetails.None;
    }

    /// <summary>An error with <paramref name="code"/> and a message, without details.</summary>
    public OmniGraphException(string code, string message, Exception? innerException)
        : this(code, message, null, innerException)
    {
    }

    /// <summary>Stable error code, for example <c>precondition_failure</c> or <c>schema_parse_error</c>.</summary>
    public string Code { get; }

    /// <summary>What kind of failure the code stands for.</summary>
    public ErrorKind Kind { get; }

    /// <summary>Typed facts about the error (read with the keys of <see cref="ErrorDetail"/>).</summary>
    public ErrorDetails Details { get; }

    /// <summary>The value of one detail (<c>error.Get(ErrorDetail.Table)</c>).</summary>
    public T? Get<T>(ErrorDetail<T> detail) => Details.Get(detail);

    /// <summary>
    /// A new error of <paramref name="type"/> (<see cref="OmniGraphException"/> or a subclass) from its parts, through the
    /// constructor every subclass has. <paramref name="remoteStackTrace"/>, when given, becomes the stack trace the error
    /// reports before its own (where it was thrown on the other side of a grain call).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not an <see cref="OmniGraphException"/> or lacks the constructor.</exception>
    public static OmniGraphException Rebuild(Type type, string code, string message, ErrorDetails details, Exception? innerException, string? remoteStackTrace = null)
    {
        var error = OmniGraphExceptionFactory.Create(type, code, message, details, innerException);
        if (!string.IsNullOrEmpty(remoteStackTrace))
        {
            ExceptionDispatchInfo.SetRemoteStackTrace(error, remoteStackTrace);
        }

        return error;
    }
}
