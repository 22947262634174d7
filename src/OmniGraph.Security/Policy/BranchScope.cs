namespace OmniGraph.Security;

/// <summary>Which branches a rule's <c>branch_scope</c> or <c>target_branch_scope</c> covers.</summary>
public enum BranchScope
{
    /// <summary><c>any</c>: always (even a request with no branch).</summary>
    Any,

    /// <summary><c>protected</c>: the request names a branch and it is protected.</summary>
    Protected,

    /// <summary><c>unprotected</c>: the request names a branch and it is not protected.</summary>
    Unprotected,
}
