namespace OmniGraph.Security;

/// <summary>
/// The server's authentication set-up is unusable: a token source is unreadable or malformed, an actor or token is
/// blank or repeated, or the runtime-state table refuses to start (docs/security.md). The server does not start.
/// <see cref="OmniGraphException.Code"/> is one of the <c>auth_*</c> codes of <see cref="SecurityErrorCodes"/>.
/// Messages never quote a token.
/// </summary>
public sealed class AuthConfigurationException : OmniGraphException
{
    public AuthConfigurationException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
