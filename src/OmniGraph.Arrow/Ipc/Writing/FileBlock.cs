namespace OmniGraph.Arrow.Ipc.Writing;

/// <summary>Where a message lies in a file: the Footer's Block struct (metadata length includes the 8-byte prefix).</summary>
internal readonly record struct FileBlock(long Offset, int MetadataLength, long BodyLength);
