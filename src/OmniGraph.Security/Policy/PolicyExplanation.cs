namespace OmniGraph.Security;

/// <summary>A decision and the reasoning behind it (<c>omnigraph policy explain</c>).</summary>
/// <param name="Decision">The decision.</param>
/// <param name="ActorGroups">The groups the actor belongs to (empty for an unknown actor).</param>
/// <param name="BranchIsProtected">Whether the request's branch is protected.</param>
/// <param name="TargetBranchIsProtected">Whether the request's target branch is protected.</param>
/// <param name="Rules">Every rule, by id, with how it relates to the request.</param>
public sealed record PolicyExplanation(
    AccessDecision Decision,
    IReadOnlyList<string> ActorGroups,
    bool BranchIsProtected,
    bool TargetBranchIsProtected,
    IReadOnlyList<PolicyRuleTrace> Rules);

/// <summary>How one rule relates to a request.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Group">Its group.</param>
/// <param name="ActorInGroup">Whether the actor is in the group.</param>
/// <param name="GrantsAction">Whether the rule lists the action.</param>
/// <param name="Condition">The rule's scope condition in words.</param>
/// <param name="ConditionHolds">Whether the condition holds for the request's branches.</param>
/// <param name="Permits">Whether this rule permits the request (all three hold).</param>
public sealed record PolicyRuleTrace(string RuleId, string Group, bool ActorInGroup, bool GrantsAction, string Condition, bool ConditionHolds, bool Permits);
