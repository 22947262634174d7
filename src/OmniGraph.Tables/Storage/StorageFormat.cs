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
    /// The <c>sidecar_format</c> of the recovery sidecars this build writes (versioned on its own): 2, a sidecar written
    /// once every staged object of its write is durable, by a writer that moves table heads only after its publish. Such
    /// a sidecar is complete from the moment it exists: the heal publishes its manifest unless another commit took the
    /// version. Format 1 (written before, and still read) moved the heads before the publish: a format 1 sidecar whose
    /// version is free is complete only when every head is at its staged version, and is rolled back otherwise.
    /// </summary>
    public const int SidecarFormat = 2;

    /// <summary>The oldest <c>sidecar_format</c> this build reads (and heals by its own rules).</summary>
    public const int OldestSidecarFormat = 1;
}
