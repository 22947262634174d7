namespace OmniGraph.Security;

/// <summary>
/// Evaluates a <see cref="PolicyBundle"/> exactly as its Cedar translation would (operations.md §3.4), without Cedar:
/// each (rule, action) pair is a <c>permit</c> for the rule's group, with the rule's scope as its <c>when</c> condition;
/// there is no <c>forbid</c>, so a request is allowed iff some permit matches (default deny). An actor in no group is
/// denied with the unknown-actor message; a request with no actor is denied (fail closed). The matched rule is the
/// lexicographically smallest (ordinal) id among the matching permits. Pure and thread-safe: build one per bound bundle.
/// </summary>
public sealed class PolicyEvaluator
{
    private readonly Dictionary<PolicyAction, PolicyRule[]> _permitsByAction;
    private readonly Dictionary<string, SortedSet<string>> _groupsByActor = new(StringComparer.Ordinal);

    public PolicyEvaluator(PolicyBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        Bundle = bundle;
        var ordered = bundle.Rules.OrderBy(static r => r.Id, StringComparer.Ordinal).ToArray();
        _permitsByAction = PolicyActions.All.ToDictionary(static a => a, a => ordered.Where(r => r.Actions.Contains(a)).ToArray());
        foreach (var (group, actors) in bundle.Groups)
        {
            foreach (var actor in actors)
            {
                if (!_groupsByActor.TryGetValue(actor, out var groups))
                {
                    _groupsByActor[actor] = groups = new SortedSet<string>(StringComparer.Ordinal);
                }

                groups.Add(group);
            }
        }
    }

    /// <summary>The bundle evaluated.</summary>
    public PolicyBundle Bundle { get; }

    /// <summary>Decides one request.</summary>
    public AccessDecision Evaluate(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Actor is null)
        {
            return AccessDecision.Deny(request, AccessBasis.NoActor, " (a policy is installed, so a request without an actor is refused)");
        }

        if (!_groupsByActor.TryGetValue(request.Actor, out var groups))
        {
            return AccessDecision.DenyWithMessage(request, AccessBasis.PolicyUnknownActor, $"policy denied action '{request.Action.Name()}' for unknown actor '{request.Actor}'");
        }

        foreach (var rule in _permitsByAction[request.Action])
        {
            if (groups.Contains(rule.Group) && ConditionHolds(rule, request))
            {
                return AccessDecision.Allow(request, AccessBasis.PolicyPermit, rule.Id);
            }
        }

        return AccessDecision.Deny(request, AccessBasis.PolicyNoPermit);
    }

    /// <summary>Decides one request and says why: every rule, whether it covers the actor, the action and the context.</summary>
    public PolicyExplanation Explain(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var groups = request.Actor is not null && _groupsByActor.TryGetValue(request.Actor, out var found) ? found.ToList() : [];
        var traces = Bundle.Rules
            .OrderBy(static r => r.Id, StringComparer.Ordinal)
            .Select(rule =>
            {
                var inGroup = groups.Contains(rule.Group, StringComparer.Ordinal);
                var grants = rule.Actions.Contains(request.Action);
                var holds = ConditionHolds(rule, request);
                return new PolicyRuleTrace(rule.Id, rule.Group, inGroup, grants, rule.ConditionText, holds, inGroup && grants && holds);
            })
            .ToList();
        return new PolicyExplanation(Evaluate(request), groups, IsProtected(request.Branch), IsProtected(request.TargetBranch), traces);
    }

    /// <summary>Whether <paramref name="branch"/> is one of the bundle's protected branches (<c>false</c> for <c>null</c>).</summary>
    public bool IsProtected(string? branch) => branch is not null && Bundle.ProtectedBranches.Contains(branch);

    /// <summary>
    /// The rule's <c>when</c> clause: any → true; protected → <c>has_branch &amp;&amp; branch_is_protected</c>;
    /// unprotected → <c>has_branch &amp;&amp; !branch_is_protected</c>; the target scope reads the target fields.
    /// </summary>
    private bool ConditionHolds(PolicyRule rule, AccessRequest request)
    {
        if (rule.BranchScope is { } scope)
        {
            return ScopeHolds(scope, request.Branch);
        }

        return rule.TargetBranchScope is not { } targetScope || ScopeHolds(targetScope, request.TargetBranch);
    }

    private bool ScopeHolds(BranchScope scope, string? branch) => scope switch
    {
        BranchScope.Protected => branch is not null && IsProtected(branch),
        BranchScope.Unprotected => branch is not null && !IsProtected(branch),
        _ => true,
    };
}
