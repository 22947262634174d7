namespace OmniGraph.Grains.Storage;

/// <summary>The format identifiers this build writes and reads.</summary>
internal static class StorageFormat
{
    /// <summary>The <c>format</c> value of <c>graph.json</c>.</summary>
    public const string FormatName = "omnigraph-orleans";

    /// <summary>The storage version this build writes and the only one it reads (the snapshot's <c>internal_schema_version</c>).</summary>
    public const int StorageVersion = 1;

    /// <summary>The <c>format</c> of manifest, table version and commit pointer objects.</summary>
    public const int ObjectFormat = 1;

    /// <summary>The <c>sidecar_format</c> of recovery sidecars (versioned on its own).</summary>
    public const int SidecarFormat = 1;
}
