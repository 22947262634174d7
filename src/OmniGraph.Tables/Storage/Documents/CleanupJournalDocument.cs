namespace OmniGraph.Tables.Storage.Documents;

/// <summary>
/// <c>maintenance/cleanup/{id}.json</c>: what one cleanup reclaims, written durably (create-if-absent) before the
/// retention floors that make it unreadable are recorded and before anything is deleted, so a cleanup that stops half-way
/// is finished from this record alone (the manifests that named the objects may already be gone). Kept afterwards: its
/// commit ids make a reclaimed commit <c>history_reclaimed</c> rather than unknown.
/// </summary>
internal sealed class CleanupJournalDocument
{
    public required int Format { get; init; }

    public required string CleanupId { get; init; }

    /// <summary>Microseconds since the Unix epoch.</summary>
    public required long CreatedAt { get; init; }

    /// <summary>Per branch incarnation, the first manifest version kept: every version below it is reclaimed.</summary>
    public required CleanupFloorDocument[] Floors { get; init; }

    /// <summary>The commits whose manifest versions are reclaimed.</summary>
    public required CleanupCommitDocument[] Commits { get; init; }

    /// <summary>Commit pointers to delete (first: they name manifests).</summary>
    public required string[] CommitPointers { get; init; }

    /// <summary>Manifest versions to delete (second: they name table versions).</summary>
    public required string[] Manifests { get; init; }

    /// <summary>Table versions to delete (third: they name fragments and deletion files).</summary>
    public required string[] TableVersions { get; init; }

    /// <summary>Fragments and deletion files to delete (last: nothing retained names them).</summary>
    public required string[] DataObjects { get; init; }

    /// <summary>The bytes of every object listed, as listed when the cleanup was planned.</summary>
    public required long Bytes { get; init; }
}

/// <summary>One incarnation's retention floor in a <see cref="CleanupJournalDocument"/>.</summary>
internal sealed class CleanupFloorDocument
{
    public required string Branch { get; init; }

    public required string BranchIncarnation { get; init; }

    /// <summary>The lowest manifest version kept.</summary>
    public required long KeepFrom { get; init; }
}

/// <summary>A reclaimed commit of a <see cref="CleanupJournalDocument"/>.</summary>
internal sealed class CleanupCommitDocument
{
    public required string CommitId { get; init; }

    public required string Branch { get; init; }
}
