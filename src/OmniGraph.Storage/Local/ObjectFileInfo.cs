namespace OmniGraph.Storage.Local;

/// <summary>What the header and size of one data file say about the object (<see cref="Checksum"/> is <c>null</c> for a file written before checksums).</summary>
internal readonly record struct ObjectFileInfo(string ETag, DateTimeOffset LastModified, long ContentLength, uint? Checksum = null)
{
    public ObjectProperties ToProperties(string key, bool isLeased) => new(key, ContentLength, ETag, LastModified, isLeased);
}
