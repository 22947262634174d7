namespace OmniGraph.Security;

/// <summary>
/// Throw helpers for the security pieces' errors (codes in <c>ErrorCodes.Security.cs</c>, documented in
/// docs/security.md): plain <see cref="OmniGraphException"/>s with typed details, since no caller catches them by type.
/// The audit log's errors are <see cref="AuditLogException"/> (the verifier catches them).
/// </summary>
public static class SecurityErrors
{
    /// <summary>
    /// A policy bundle or a policy test file is refused (one of the <c>policy_*</c> codes): the message is
    /// <c>&lt;file&gt;: line L, column C: &lt;reason&gt;</c> when the place is known; details
    /// <see cref="ErrorDetail.Location"/> (the file), <see cref="ErrorDetail.Reason"/>, and <see cref="ErrorDetail.Line"/>
    /// and <see cref="ErrorDetail.Column"/> when the place is known.
    /// </summary>
    public static OmniGraphException Policy(string code, string source, string reason, YamlPosition position = default, Exception? innerException = null) =>
        new(
            code,
            position.IsKnown ? $"{source}: {position}: {reason}" : $"{source}: {reason}",
            position.IsKnown
                ? ErrorDetails.Of(ErrorDetail.Location.With(source), ErrorDetail.Reason.With(reason), ErrorDetail.Line.With(position.Line), ErrorDetail.Column.With(position.Column))
                : ErrorDetails.Of(ErrorDetail.Location.With(source), ErrorDetail.Reason.With(reason)),
            innerException);

    /// <summary>
    /// The server's authentication set-up is unusable (one of the <c>auth_*</c> codes); the server does not start.
    /// Messages never quote a token.
    /// </summary>
    public static OmniGraphException AuthConfiguration(string code, string message, Exception? innerException = null) =>
        new(code, message, innerException);

    /// <summary>
    /// <c>forbidden</c> (HTTP 403): the access decision denied the action; the message is the decision's deny message,
    /// details <see cref="ErrorDetail.Rule"/> (the rule that decided, when one did) and <see cref="ErrorDetail.Reason"/>
    /// (what decided it: a Cedar deny, default-deny, ...).
    /// </summary>
    public static OmniGraphException AccessDenied(AccessDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(
            ErrorCodes.Forbidden,
            decision.Message ?? "access denied",
            ErrorDetails.Of(ErrorDetail.Rule.With(decision.RuleId), ErrorDetail.Reason.With(decision.Basis.ToString())));
    }
}
