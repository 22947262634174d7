namespace OmniGraph.Storage.Local;

/// <summary>What the header and size of one data file say about the object.</summary>
internal readonly record struct ObjectFileInfo(string ETag, DateTimeOffset LastModified, long ContentLength)
{
    public ObjectProperties ToProperties(string key, bool isLeased) => new(key, ContentLength, ETag, LastModified, isLeased);
}
