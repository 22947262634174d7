namespace OmniGraph.Storage.Local;

/// <summary>Where one (already validated) key lives under a local store root.</summary>
internal readonly struct ObjectPaths
{
    public ObjectPaths(string root, string key)
    {
        var slash = key.LastIndexOf(ObjectKey.Separator);
        Directory = slash < 0 ? root : string.Concat(root, "/", key.AsSpan(0, slash));
        Leaf = slash < 0 ? key : key[(slash + 1)..];
        DataFile = string.Concat(Directory, "/", Leaf, LocalFileNames.DataSuffix);
        LockFile = string.Concat(Directory, "/", LocalFileNames.LockPrefix, Leaf);
    }

    /// <summary>Directory holding the object and its companions.</summary>
    public string Directory { get; }

    /// <summary>Last key segment.</summary>
    public string Leaf { get; }

    /// <summary>The published object.</summary>
    public string DataFile { get; }

    /// <summary>The key's lock file, which also holds its lease record.</summary>
    public string LockFile { get; }

    /// <summary>
    /// The temporary file of the write minting <paramref name="writeId"/>: unique, and its name tells the
    /// sweeper how old it is without a <c>stat</c>.
    /// </summary>
    public string TempFileFor(Ulid writeId) => string.Concat(Directory, "/", LocalFileNames.TempPrefix, writeId.ToString());
}
