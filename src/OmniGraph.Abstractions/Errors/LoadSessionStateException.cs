namespace OmniGraph.Engine;

/// <summary>
/// A load session was used out of order (written before it began, begun twice, used after it completed, failed or was
/// aborted). Nothing was written by the call. Code <c>invalid_request</c> (HTTP 400).
/// </summary>
public sealed class LoadSessionStateException : OmniGraphException
{
    public LoadSessionStateException(string session, string reason, Exception? innerException = null)
        : base(EngineErrorCodes.InvalidRequest, $"load session {session}: {reason}", innerException)
    {
        Session = session;
        Reason = reason;
    }

    /// <summary>The session key.</summary>
    public string Session { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
