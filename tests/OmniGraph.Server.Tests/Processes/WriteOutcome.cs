namespace OmniGraph.Server.Tests.Processes;

/// <summary>How one write of the cluster test ended, as its writer judges it.</summary>
internal enum WriteOutcome
{
    /// <summary>200: the write is committed and must be in the graph.</summary>
    Acknowledged,

    /// <summary>A typed refusal the writer's role expects: nothing was written.</summary>
    Refused,

    /// <summary>A 5xx or a lost connection: committed or not, never half.</summary>
    Unknown,

    /// <summary>An answer the writer must never get.</summary>
    Unexpected,
}
