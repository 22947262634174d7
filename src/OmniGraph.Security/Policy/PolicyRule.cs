namespace OmniGraph.Security;

/// <summary>One <c>rules[]</c> entry of a bundle: a group may do these actions, within an optional scope.</summary>
/// <param name="Id">Unique, non-blank rule id (what a decision reports as its matched rule).</param>
/// <param name="Group">The declared group it grants.</param>
/// <param name="Actions">The actions granted, distinct, at least one.</param>
/// <param name="BranchScope">The <c>branch_scope</c>, or <c>null</c>.</param>
/// <param name="TargetBranchScope">The <c>target_branch_scope</c>, or <c>null</c> (never both).</param>
/// <param name="Position">Where the rule is written.</param>
public sealed record PolicyRule(
    string Id,
    string Group,
    IReadOnlyList<PolicyAction> Actions,
    BranchScope? BranchScope,
    BranchScope? TargetBranchScope,
    YamlPosition Position)
{
    /// <summary>The rule's condition in words (<c>always</c>, <c>branch is protected</c>, …).</summary>
    public string ConditionText => (BranchScope, TargetBranchScope) switch
    {
        (Security.BranchScope.Protected, _) => "the branch is protected",
        (Security.BranchScope.Unprotected, _) => "the branch is not protected",
        (_, Security.BranchScope.Protected) => "the target branch is protected",
        (_, Security.BranchScope.Unprotected) => "the target branch is not protected",
        _ => "always",
    };
}
