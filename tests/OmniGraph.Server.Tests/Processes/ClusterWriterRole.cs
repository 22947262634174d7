namespace OmniGraph.Server.Tests.Processes;

/// <summary>What one writer of the cluster test writes, and which refusals are clean answers for it.</summary>
internal enum ClusterWriterRole
{
    /// <summary>Inserts of keys no other writer uses.</summary>
    DistinctKeys,

    /// <summary>
    /// Inserts of keys every writer of this role writes too. A mutation's insert of an existing key replaces the node, so
    /// all are acknowledged, but exactly one receipt per key may say it created the node.
    /// </summary>
    OverlappingKeys,

    /// <summary><c>if-graph-commit</c> inserts on the head just read: they win or get 412 <c>precondition_failure</c>.</summary>
    IfCurrentCommit,

    /// <summary><c>if-graph-commit</c> inserts on the graph's first commit, stale once anything was written: always 412 <c>precondition_failure</c>.</summary>
    IfStaleCommit,
}
