namespace OmniGraph.Loading.Sessions;

/// <summary>Where a load session is in its life.</summary>
internal enum LoadSessionState
{
    /// <summary>Activated, not begun.</summary>
    Created,

    /// <summary>Begun: receiving chunks.</summary>
    Receiving,

    /// <summary>Input complete, commit in progress.</summary>
    Committing,

    /// <summary>Committed.</summary>
    Completed,

    /// <summary>A call failed (invalid input, a refused commit); the session accepts nothing more.</summary>
    Failed,

    /// <summary>Abandoned by the caller.</summary>
    Aborted,
}
