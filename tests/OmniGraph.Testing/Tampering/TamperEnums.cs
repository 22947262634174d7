namespace OmniGraph.Testing.Tampering;

/// <summary>The kinds of stored object the tampering suite damages (issue 10, "Make the class impossible").</summary>
public enum TamperTarget
{
    /// <summary>The newest manifest version of main.</summary>
    ManifestVersion,

    /// <summary>The table version object a head manifest names for the primary node table.</summary>
    TableVersion,

    /// <summary>The newest fragment of the primary node table.</summary>
    Fragment,

    /// <summary>The newest deletion file of the primary node table.</summary>
    DeletionVector,

    /// <summary>The primary node table's head record on main (<c>state/head-tablebranch/…</c>).</summary>
    HeadRecord,

    /// <summary>The manifest grain's registry state (<c>state/registry-manifest/graph.json</c>).</summary>
    RegistryState,

    /// <summary>The commit pointer of the newest commit.</summary>
    CommitPointer,

    /// <summary>The recovery sidecar of a write whose publish failed (a graph with one pending write).</summary>
    RecoverySidecar,
}

/// <summary>What is done to the object's file.</summary>
public enum TamperDamage
{
    /// <summary>The file is deleted.</summary>
    Delete,

    /// <summary>The file is cut to half its length.</summary>
    Truncate,

    /// <summary>One byte in the middle of the object's bytes is flipped.</summary>
    FlipByte,

    /// <summary>Replaced by an older version: the same record as it was earlier (mutable records), or the previous object of the same kind (immutable ones).</summary>
    OlderVersion,

    /// <summary>Replaced by the same kind of object from another table (another graph for objects that belong to no table).</summary>
    OtherTable,
}

/// <summary>The commands run on the damaged graph.</summary>
public enum TamperCommand
{
    /// <summary><c>snapshot</c>.</summary>
    Snapshot,

    /// <summary><c>query</c> (a read of the primary node table).</summary>
    Query,

    /// <summary><c>export</c> (every table).</summary>
    Export,

    /// <summary><c>commit list</c>.</summary>
    CommitList,

    /// <summary><c>load --mode append</c> of a node and an edge.</summary>
    Load,

    /// <summary><c>mutate</c>: an update and a delete.</summary>
    Mutate,
}

/// <summary>What a command does on a damaged graph. Anything else (a different answer, a write on top) fails the suite.</summary>
public enum TamperOutcome
{
    /// <summary>The same answer as on the intact graph (for a write: it succeeds and leaves what it leaves on the intact graph).</summary>
    Correct,

    /// <summary>Fails with <c>corrupt_object</c>; a write publishes nothing.</summary>
    CorruptObject,

    /// <summary>Answers the last published version: the pending write stays invisible (its record cannot be trusted, so recovery cannot decide it).</summary>
    LastPublished,

    /// <summary>Fails with <c>recovery_required</c>; publishes nothing.</summary>
    RecoveryRequired,
}
