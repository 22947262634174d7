namespace OmniGraph.Security;

/// <summary>
/// The outcome of one access check: allowed or denied, the matched rule, the deny message (operations.md §3.4: it is
/// what a 403 body and <c>branch_delete_error</c> say), and the request it answers. It is also what the audit log records
/// for a decision (<see cref="AuditRecord.FromDecision"/>).
/// </summary>
/// <param name="Request">The question.</param>
/// <param name="Allowed">Whether the action may proceed.</param>
/// <param name="Basis">Why.</param>
/// <param name="RuleId">The matched rule (the lexicographically smallest permitting rule id), only when a rule permitted it.</param>
/// <param name="Message">The deny message; <c>null</c> when allowed.</param>
public sealed record AccessDecision(AccessRequest Request, bool Allowed, AccessBasis Basis, string? RuleId, string? Message)
{
    /// <summary>The Cedar policy id of the matched permit, <c>"&lt;rule&gt;:&lt;action&gt;"</c>, or <c>null</c>.</summary>
    public string? PolicyId => RuleId is null ? null : $"{RuleId}:{Request.Action.Name()}";

    /// <summary>An allowed decision.</summary>
    public static AccessDecision Allow(AccessRequest request, AccessBasis basis, string? ruleId = null) => new(request, true, basis, ruleId, null);

    /// <summary>A denied decision with the §3.4 message: <c>policy denied action 'a'[ on branch 'b'][ targeting branch 't'] for actor 'x'</c> plus <paramref name="suffix"/>.</summary>
    public static AccessDecision Deny(AccessRequest request, AccessBasis basis, string? suffix = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = DenyMessage(request) + suffix;
        return new(request, false, basis, null, message);
    }

    /// <summary>A denied decision with a message of its own (the unknown-actor form of §3.4).</summary>
    public static AccessDecision DenyWithMessage(AccessRequest request, AccessBasis basis, string message) => new(request, false, basis, null, message);

    /// <summary>Throws an <see cref="OmniGraphException"/> (<c>forbidden</c>) unless the decision allows the action.</summary>
    /// <exception cref="OmniGraphException">Denied.</exception>
    public AccessDecision ThrowIfDenied() => Allowed ? this : throw SecurityErrors.AccessDenied(this);

    private static string DenyMessage(AccessRequest request)
    {
        var action = request.Action.Name();
        if (request.Actor is null)
        {
            return $"policy denied action '{action}'{BranchText(request)}: no actor";
        }

        return $"policy denied action '{action}'{BranchText(request)} for actor '{request.Actor}'";
    }

    private static string BranchText(AccessRequest request) =>
        (request.Branch is null ? string.Empty : $" on branch '{request.Branch}'") +
        (request.TargetBranch is null ? string.Empty : $" targeting branch '{request.TargetBranch}'");
}
