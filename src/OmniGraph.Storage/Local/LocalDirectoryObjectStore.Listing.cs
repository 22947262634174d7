using System.IO.Enumeration;
using OmniGraph.Storage.Local;

namespace OmniGraph.Storage;

public sealed partial class LocalDirectoryObjectStore
{
    private static readonly EnumerationOptions s_singleLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <inheritdoc />
    /// <remarks>
    /// Walks the tree depth-first, reading and sorting one directory level at a time, so a page costs the
    /// directories on its path rather than the whole tree. Within a level a subdirectory sorts as its name
    /// plus <c>'/'</c>, which makes the walk produce keys in exact ordinal order (<c>a/b</c> &lt;
    /// <c>a/b-x</c> &lt; <c>a/b/c</c> &lt; <c>a/b2</c>). Subtrees that lie wholly before the continuation key
    /// are skipped without being read.
    /// </remarks>
    public ValueTask<ObjectListPage> ListAsync(string prefix, string? continuationToken = null, int maxResults = 1000, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.List, ObjectStoreMetrics.LocalBackend);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectKey.ValidatePrefix(prefix);
            OperationArguments.ValidateMaxResults(maxResults);
            var after = continuationToken is null ? null : ContinuationToken.Decode(prefix, continuationToken);
            var lastSlash = prefix.LastIndexOf(ObjectKey.Separator);
            var listing = new Listing(after, maxResults, cancellationToken);
            try
            {
                var directory = lastSlash < 0 ? _root : string.Concat(_root, "/", prefix.AsSpan(0, lastSlash));
                VisitDirectory(listing, directory, prefix[..(lastSlash + 1)], prefix[(lastSlash + 1)..]);
            }
            catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
            {
                throw LocalIoErrors.FromException(prefix, "listing", _root, exception);
            }

            var token = listing.HasMore ? ContinuationToken.Encode(listing.Page[^1].Key) : null;
            return ValueTask.FromResult(new ObjectListPage(listing.Page, token));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<ObjectListPage>(exception);
        }
    }

    /// <summary>Adds the objects under <paramref name="directory"/> in key order; returns <c>false</c> once the page is full.</summary>
    private bool VisitDirectory(Listing listing, string directory, string keyPrefix, string partialSegment)
    {
        listing.CancellationToken.ThrowIfCancellationRequested();
        foreach (var entry in ReadSortedEntries(directory))
        {
            if (!entry.SortName.StartsWith(partialSegment, StringComparison.Ordinal))
            {
                continue;
            }

            if (entry.IsDirectory)
            {
                var childPrefix = string.Concat(keyPrefix, entry.Segment, "/");
                if (listing.After is { } after
                    && string.CompareOrdinal(childPrefix, after) < 0
                    && !after.StartsWith(childPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                if (!VisitDirectory(listing, string.Concat(directory, "/", entry.Segment), childPrefix, string.Empty))
                {
                    return false;
                }

                continue;
            }

            var key = string.Concat(keyPrefix, entry.Segment);
            if (listing.After is { } resumeAfter && string.CompareOrdinal(key, resumeAfter) <= 0)
            {
                continue;
            }

            if (listing.Page.Count == listing.MaxResults)
            {
                listing.HasMore = true;
                return false;
            }

            var dataFile = string.Concat(directory, "/", entry.Segment, LocalFileNames.DataSuffix);
            if (TryReadInfo(key, dataFile) is not { } info)
            {
                continue; // deleted since the directory was read
            }

            var leased = entry.HasLeaseRecord && IsLeased(key, string.Concat(directory, "/", LocalFileNames.LockPrefix, entry.Segment));
            listing.Page.Add(info.ToProperties(key, leased));
        }

        return true;
    }

    /// <summary>Objects and subdirectories of one directory, sorted for key order; bookkeeping and foreign names are left out.</summary>
    private static List<ListingEntry> ReadSortedEntries(string directory)
    {
        var entries = new List<ListingEntry>();
        HashSet<string>? leasedLeaves = null;
        try
        {
            var enumerable = new FileSystemEnumerable<RawEntry>(
                directory,
                static (ref FileSystemEntry entry) =>
                {
                    var isLockFile = !entry.IsDirectory && entry.FileName.StartsWith(LocalFileNames.LockPrefix, StringComparison.Ordinal);

                    // Only lock files need their size (a non-empty one holds a lease record); asking for it costs a stat.
                    return new RawEntry(entry.FileName.ToString(), entry.IsDirectory, isLockFile && entry.Length > 0);
                },
                s_singleLevel);
            foreach (var raw in enumerable)
            {
                if (raw.IsDirectory)
                {
                    if (ObjectKey.IsValidSegment(raw.Name))
                    {
                        entries.Add(new ListingEntry(raw.Name + "/", raw.Name, IsDirectory: true, HasLeaseRecord: false));
                    }
                }
                else if (raw.Name.EndsWith(LocalFileNames.DataSuffix, StringComparison.Ordinal))
                {
                    var segment = raw.Name[..^LocalFileNames.DataSuffix.Length];
                    if (ObjectKey.IsValidSegment(segment))
                    {
                        entries.Add(new ListingEntry(segment, segment, IsDirectory: false, HasLeaseRecord: false));
                    }
                }
                else if (raw.HasLeaseRecord)
                {
                    (leasedLeaves ??= new HashSet<string>(StringComparer.Ordinal)).Add(raw.Name[LocalFileNames.LockPrefix.Length..]);
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            return entries;
        }

        if (leasedLeaves is not null)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (!entries[i].IsDirectory && leasedLeaves.Contains(entries[i].Segment))
                {
                    entries[i] = entries[i] with { HasLeaseRecord = true };
                }
            }
        }

        entries.Sort(static (left, right) => string.CompareOrdinal(left.SortName, right.SortName));
        return entries;
    }

    private readonly record struct RawEntry(string Name, bool IsDirectory, bool HasLeaseRecord);

    /// <summary>A directory entry as the listing sees it; a subdirectory's sort name ends with '/'.</summary>
    private readonly record struct ListingEntry(string SortName, string Segment, bool IsDirectory, bool HasLeaseRecord);

    /// <summary>State of one page being listed.</summary>
    private sealed class Listing(string? after, int maxResults, CancellationToken cancellationToken)
    {
        public string? After { get; } = after;

        public int MaxResults { get; } = maxResults;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public List<ObjectProperties> Page { get; } = new(Math.Min(maxResults, 256));

        public bool HasMore { get; set; }
    }
}
