namespace OmniGraph.Storage;

/// <summary>
/// A store that keeps half-written files beside its objects while writes are in flight (the local directory's
/// <c>.og-tmp-*</c>) and can list them: what a writer that crashed mid-write left behind. Listings of objects never show
/// them; recovery tools report them.
/// </summary>
public interface ITemporaryFileListing
{
    /// <summary>Every temporary file in the store, sorted by path.</summary>
    IReadOnlyList<TemporaryFileEntry> ListTemporaryFiles();
}

/// <summary>One temporary file.</summary>
/// <param name="Path">Its path relative to the store root, with <c>/</c> separators.</param>
/// <param name="Created">When its write started (from its name), or its last write time.</param>
/// <param name="Length">Its size in bytes.</param>
public sealed record TemporaryFileEntry(string Path, DateTimeOffset Created, long Length);
