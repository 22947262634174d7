namespace OmniGraph.Security;

/// <summary>
/// An action was denied by the access decision (<see cref="AccessDecision"/>): a Cedar deny, the default-deny mode, a
/// server-scoped action in open mode, or a write with a policy installed and no actor (fail closed). Code
/// <c>forbidden</c> (HTTP 403); the message is the decision's deny message. The engine's write paths throw it.
/// </summary>
public sealed class AccessDeniedException : OmniGraphException
{
    public AccessDeniedException(AccessDecision decision)
        : base(SecurityErrorCodes.Forbidden, (decision ?? throw new ArgumentNullException(nameof(decision))).Message ?? "access denied")
    {
        Decision = decision;
    }

    /// <summary>The decision that denied the action (what to audit).</summary>
    public AccessDecision Decision { get; }
}
