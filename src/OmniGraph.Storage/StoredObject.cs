namespace OmniGraph.Storage;

/// <summary>Bytes read from the store with the entity tag they were read at.</summary>
/// <param name="Content">The whole object, or the requested range.</param>
/// <param name="ETag">Entity tag of the object version these bytes belong to.</param>
/// <param name="TotalLength">Size of the whole object in bytes.</param>
public sealed record StoredObject(ReadOnlyMemory<byte> Content, string ETag, long TotalLength);
