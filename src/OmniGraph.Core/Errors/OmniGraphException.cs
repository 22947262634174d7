namespace OmniGraph;

/// <summary>
/// Base type of every error OmniGraph reports on purpose. Each carries a stable, machine-readable
/// <see cref="Code"/> (snake_case, never renamed once shipped) that the CLI prints and the HTTP
/// front-end maps to a status; the message is for people and may be reworded. Messages are bounded in size
/// (<see cref="ErrorText.Bound"/>): whatever an input quotes, one error stays one readable line.
/// </summary>
public class OmniGraphException : Exception
{
    public OmniGraphException(string code, string message, Exception? innerException = null)
        : base(ErrorText.Bound(message ?? string.Empty), innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        Code = code;
    }

    /// <summary>Stable error code, for example <c>precondition_failed</c> or <c>parse_error</c>.</summary>
    public string Code { get; }
}
