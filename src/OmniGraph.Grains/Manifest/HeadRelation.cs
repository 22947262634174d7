namespace OmniGraph.Grains.Manifest;

/// <summary>How a table's stored head record relates to the published head of its branch (docs/design/storage-engine.md §6.1).</summary>
internal enum HeadRelation
{
    /// <summary>The record names the published version (or the table never moved on the branch and the head inherits or is empty).</summary>
    Consistent,

    /// <summary>
    /// One version ahead, and the write that moved it still has its sidecar (in flight, or recovery's to heal); or behind
    /// the published version, whose write still has its sidecar (its heads move after its acknowledgement).
    /// </summary>
    InFlight,

    /// <summary>One version ahead, no sidecar, and the manifest version its write wanted exists with another commit (a fence or a faster writer): garbage the next commit resets.</summary>
    Orphan,

    /// <summary>Ahead, no sidecar, and the manifest version its write published is missing: the chain lost a version.</summary>
    LostManifest,

    /// <summary>No record although the published head names a version of the table on this branch (a lost <c>state/</c> directory).</summary>
    Missing,

    /// <summary>The record disagrees with the published head: behind it, another write's version, an impossible jump.</summary>
    Inconsistent,
}
