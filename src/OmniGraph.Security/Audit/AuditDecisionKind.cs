namespace OmniGraph.Security;

/// <summary>The <c>decision</c> of an audit entry.</summary>
public enum AuditDecisionKind
{
    /// <summary><c>allow</c>: the action was permitted (and, for a write with a commit, published).</summary>
    Allow,

    /// <summary><c>deny</c>: the action was refused; nothing was written.</summary>
    Deny,
}
