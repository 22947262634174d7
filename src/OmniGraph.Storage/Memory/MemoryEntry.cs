namespace OmniGraph.Storage;

/// <summary>One stored object of a <see cref="MemoryObjectStore"/>; replaced whole on every change.</summary>
internal sealed record MemoryEntry(byte[] Content, string ETag, DateTimeOffset LastModified, LeaseState? Lease)
{
    public ObjectProperties ToProperties(string key, DateTimeOffset now) =>
        new(key, Content.Length, ETag, LastModified, Lease is { } lease && lease.IsActiveAt(now));
}
