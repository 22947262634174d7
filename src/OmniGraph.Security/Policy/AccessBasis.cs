namespace OmniGraph.Security;

/// <summary>Why an <see cref="AccessDecision"/> came out as it did.</summary>
public enum AccessBasis
{
    /// <summary>A policy rule permits it (<see cref="AccessDecision.RuleId"/> names the rule).</summary>
    PolicyPermit,

    /// <summary>The policy knows the actor but no rule permits this action in this context.</summary>
    PolicyNoPermit,

    /// <summary>The actor is in no group of the policy.</summary>
    PolicyUnknownActor,

    /// <summary>A policy is installed but the request has no actor: fail closed.</summary>
    NoActor,

    /// <summary>Default-deny mode (tokens, no policy for this graph): an authenticated read is allowed.</summary>
    DefaultDenyRead,

    /// <summary>Default-deny mode: every action but read is denied.</summary>
    DefaultDeny,

    /// <summary>Open (unauthenticated) mode: every per-graph action is allowed.</summary>
    Open,

    /// <summary>No server policy is bound: the server-scoped <c>graph_list</c> is closed, in every mode.</summary>
    ServerScopeClosed,

    /// <summary>No policy is installed in the engine: its re-check is a no-op.</summary>
    NoPolicy,
}
