namespace OmniGraph.Security;

/// <summary>How the server authenticates and authorizes, decided once at start-up (operations.md §3.2).</summary>
public enum ServerAuthMode
{
    /// <summary>No tokens, unauthenticated mode asked for: every per-graph action is allowed; <c>graph_list</c> stays closed.</summary>
    Open,

    /// <summary>Tokens, no policy: an authenticated read is allowed, every other action is denied ("default-deny").</summary>
    DefaultDeny,

    /// <summary>Tokens and at least one policy: the policy decides; a graph without a bundle behaves as <see cref="DefaultDeny"/>.</summary>
    PolicyEnabled,
}
