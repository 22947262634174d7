namespace OmniGraph.Storage;

/// <summary>Metadata of one stored object.</summary>
/// <param name="Key">The object key.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="ETag">Entity tag; changes on every successful write.</param>
/// <param name="LastModified">Time of the last successful write.</param>
/// <param name="IsLeased">Whether an unexpired lease is held on the object.</param>
public sealed record ObjectProperties(string Key, long Length, string ETag, DateTimeOffset LastModified, bool IsLeased = false);
