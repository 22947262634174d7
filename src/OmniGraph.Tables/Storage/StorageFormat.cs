namespace OmniGraph.Tables.Storage;

/// <summary>The format identifiers this build writes and reads.</summary>
internal static class StorageFormat
{
    /// <summary>The <c>format</c> value of <c>graph.json</c>.</summary>
    public const string FormatName = "omnigraph-orleans";

    /// <summary>The storage version this build writes and the only one it reads (the snapshot's <c>internal_schema_version</c>).</summary>
    public const int StorageVersion = 1;

    /// <summary>The <c>format</c> of manifest, table version and commit pointer objects.</summary>
    public const int ObjectFormat = 1;

    /// <summary>
    /// The <c>format</c> of a table version stored as a delta over its parent (<see cref="Documents.TableVersionDeltaDocument"/>);
    /// a full table version keeps <see cref="ObjectFormat"/>. An older build refuses it as unknown ("upgrade omnigraph").
    /// </summary>
    public const int TableVersionDeltaFormat = 2;

    /// <summary>
    /// The longest chain of delta objects a table version may stand on: every this many versions (at most) a full version
    /// is written, so resolving any version reads at most this many objects after its own. The full version costs
    /// O(fragments); in between, a small commit writes only its change (32 measured against 16 and 64: see
    /// docs/design/storage-engine.md §3.1).
    /// </summary>
    public const int TableVersionCheckpointInterval = 32;

    /// <summary>
    /// The <c>sidecar_format</c> of the recovery sidecars this build writes (versioned on its own): 3, one sidecar per
    /// group-commit batch, named by its last member's transaction and carrying every member before it as a predecessor
    /// with the audit entry that member owes. Like format 2 (the same chain with a sidecar per member, predecessors
    /// without audit entries; still read), it is written once every staged object of its batch is durable, by a writer
    /// that moves table heads only after its publish: complete from the moment it exists, the heal publishes each link
    /// whose version is free. Format 1 (written before, and still read) moved the heads before the publish: a format 1
    /// sidecar whose version is free is complete only when every head is at its staged version, and is rolled back
    /// otherwise.
    /// </summary>
    public const int SidecarFormat = 3;

    /// <summary>The first <c>sidecar_format</c> whose sidecars are complete chains (heads move after the publish).</summary>
    public const int ChainedSidecarFormat = 2;

    /// <summary>The oldest <c>sidecar_format</c> this build reads (and heals by its own rules).</summary>
    public const int OldestSidecarFormat = 1;
}
