namespace OmniGraph.Security;

/// <summary>One case of a policy test file: a request and the decision it must get.</summary>
/// <param name="Id">Unique case id.</param>
/// <param name="Actor">The actor.</param>
/// <param name="Action">The action.</param>
/// <param name="Branch">The branch, or <c>null</c>.</param>
/// <param name="TargetBranch">The target branch, or <c>null</c>.</param>
/// <param name="ExpectAllow">Whether the case expects <c>allow</c>.</param>
/// <param name="Position">Where the case is written.</param>
public sealed record PolicyTestCase(string Id, string Actor, PolicyAction Action, string? Branch, string? TargetBranch, bool ExpectAllow, YamlPosition Position)
{
    /// <summary>The request the case describes.</summary>
    public AccessRequest ToRequest() => new(Actor, Action, Graph: null, Branch, TargetBranch);
}

/// <summary>A case and what the policy decided.</summary>
/// <param name="Case">The case.</param>
/// <param name="Decision">The decision.</param>
public sealed record PolicyTestResult(PolicyTestCase Case, AccessDecision Decision)
{
    /// <summary>Whether the decision is the expected one.</summary>
    public bool Passed => Decision.Allowed == Case.ExpectAllow;
}
