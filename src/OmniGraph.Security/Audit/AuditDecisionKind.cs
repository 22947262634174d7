namespace OmniGraph.Security;

/// <summary>The <c>decision</c> of an audit entry.</summary>
public enum AuditDecisionKind
{
    /// <summary><c>allow</c>: the action was permitted (and, for a write with a commit, published).</summary>
    Allow,

    /// <summary><c>deny</c>: the action was refused; nothing was written.</summary>
    Deny,
}

/// <summary>Wire names of <see cref="AuditDecisionKind"/>.</summary>
public static class AuditDecisions
{
    /// <summary><c>allow</c> or <c>deny</c>.</summary>
    public static string Name(this AuditDecisionKind decision) => decision == AuditDecisionKind.Allow ? "allow" : "deny";
}
