namespace OmniGraph.Tables.Storage;

/// <summary>The storage format version this build writes (<c>internal-schema</c> of <c>omnigraph version</c>).</summary>
public static class StorageFormatVersion
{
    /// <summary>The <c>storage_version</c> stamped in <c>graph.json</c>.</summary>
    public const int Current = StorageFormat.StorageVersion;
}
