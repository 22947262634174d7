using System.Text.Json.Serialization;

namespace OmniGraph.Cli.Output;

/// <summary><c>omnigraph policy validate --json</c>: what the bundle holds.</summary>
public sealed record PolicyValidateOutput(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("groups")] int Groups,
    [property: JsonPropertyName("actors")] int Actors,
    [property: JsonPropertyName("rules")] int Rules,
    [property: JsonPropertyName("protected_branches")] IReadOnlyList<string> ProtectedBranches);

/// <summary><c>omnigraph policy test --json</c>: every case with its decision, and the totals.</summary>
public sealed record PolicyTestOutput(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("cases")] IReadOnlyList<PolicyCaseOutput> Cases,
    [property: JsonPropertyName("passed")] int Passed,
    [property: JsonPropertyName("failed")] int Failed);

/// <summary>One case of <see cref="PolicyTestOutput"/>.</summary>
public sealed record PolicyCaseOutput(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("branch")] string? Branch,
    [property: JsonPropertyName("target_branch")] string? TargetBranch,
    [property: JsonPropertyName("expect")] string Expect,
    [property: JsonPropertyName("decision")] string Decision,
    [property: JsonPropertyName("rule")] string? Rule,
    [property: JsonPropertyName("passed")] bool Passed);

/// <summary><c>omnigraph policy explain --json</c>: the decision and every rule's part in it.</summary>
public sealed record PolicyExplainOutput(
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("branch")] string? Branch,
    [property: JsonPropertyName("target_branch")] string? TargetBranch,
    [property: JsonPropertyName("decision")] string Decision,
    [property: JsonPropertyName("rule")] string? Rule,
    [property: JsonPropertyName("policy_id")] string? PolicyId,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("actor_groups")] IReadOnlyList<string> ActorGroups,
    [property: JsonPropertyName("branch_is_protected")] bool BranchIsProtected,
    [property: JsonPropertyName("target_branch_is_protected")] bool TargetBranchIsProtected,
    [property: JsonPropertyName("rules")] IReadOnlyList<PolicyRuleOutput> Rules);

/// <summary>One rule of <see cref="PolicyExplainOutput"/>.</summary>
public sealed record PolicyRuleOutput(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("actor_in_group")] bool ActorInGroup,
    [property: JsonPropertyName("grants_action")] bool GrantsAction,
    [property: JsonPropertyName("condition")] string Condition,
    [property: JsonPropertyName("condition_holds")] bool ConditionHolds,
    [property: JsonPropertyName("permits")] bool Permits);
