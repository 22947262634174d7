namespace OmniGraph.Security;

/// <summary>How an audit log was found damaged (<see cref="AuditVerifier"/>).</summary>
public enum AuditProblemKind
{
    /// <summary>An entry's content no longer matches its hash (a field was changed).</summary>
    Modified,

    /// <summary>An entry cannot be read: not JSON, a member missing, unknown or of the wrong kind, an unknown format.</summary>
    Unreadable,

    /// <summary>Entries are missing: a gap in the sequence, or the tail record names an entry past the last one (truncation).</summary>
    Removed,

    /// <summary>An entry sits at another entry's place (entries were swapped or renumbered).</summary>
    Reordered,

    /// <summary>An entry that the chain does not account for was inserted (the entries after it were shifted), or an object that is no entry sits among them.</summary>
    Inserted,

    /// <summary>An entry's previous-hash link does not match the entry before it (an entry before it was rewritten with a fresh hash, or this one was re-linked).</summary>
    BrokenLink,
}
