namespace OmniGraph.Storage.Local;

/// <summary>A flushed temporary file waiting to be published under its object's name, with the entity tag it will carry.</summary>
internal sealed record TemporaryWrite(string Path, Ulid ETag, int Length);
