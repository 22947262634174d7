using System.IO.Enumeration;
using OmniGraph.Storage.Local;

namespace OmniGraph.Storage;

public sealed partial class LocalDirectoryObjectStore : ITemporaryFileListing
{
    /// <inheritdoc />
    public IReadOnlyList<TemporaryFileEntry> ListTemporaryFiles()
    {
        var found = new List<TemporaryFileEntry>();
        try
        {
            var files = new FileSystemEnumerable<(string Path, DateTimeOffset LastWrite, long Length)>(
                _root,
                static (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.LastWriteTimeUtc, entry.Length),
                new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            {
                ShouldIncludePredicate = static (ref FileSystemEntry entry) =>
                    !entry.IsDirectory && entry.FileName.StartsWith(LocalFileNames.TempPrefix, StringComparison.Ordinal),
            };
            foreach (var (path, lastWrite, length) in files)
            {
                found.Add(new TemporaryFileEntry(Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/'), CreatedAt(path, lastWrite), length));
            }
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            throw LocalIoErrors.FromException(string.Empty, "listing temporary files under", _root, exception);
        }

        found.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return found;
    }

    /// <summary>
    /// Walks the whole tree and removes temporary files older than
    /// <see cref="LocalObjectStoreOptions.TemporaryFileMaxAge"/> (left by writers that crashed mid-write).
    /// Younger ones are kept: they may belong to a live writer in another process.
    /// </summary>
    /// <returns>How many files were removed.</returns>
    public int RemoveStaleTemporaryFiles()
    {
        var removed = SweepDirectory(_root);
        try
        {
            foreach (var directory in Directory.EnumerateDirectories(_root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            {
                removed += SweepDirectory(directory);
            }
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            LocalObjectStoreLog.TemporaryFileSweepFailed(_logger, _root, exception);
        }

        return removed;
    }

    /// <summary>
    /// Sweeps a directory the first time this store writes into it, and again once per
    /// <see cref="LocalObjectStoreOptions.TemporaryFileMaxAge"/>, so leftovers go away without a scan per write.
    /// </summary>
    private void SweepIfDue(string directory)
    {
        var now = Now.ToUnixTimeMilliseconds();
        if (_lastSweepByDirectory.TryGetValue(directory, out var last) && now - last < (long)_options.TemporaryFileMaxAge.TotalMilliseconds)
        {
            return;
        }

        _lastSweepByDirectory[directory] = now;
        SweepDirectory(directory);
    }

    /// <summary>Best effort: a failed sweep is logged and never fails the write that triggered it.</summary>
    private int SweepDirectory(string directory)
    {
        var removed = 0;
        try
        {
            var now = Now;
            var temporaryFiles = new FileSystemEnumerable<(string Path, DateTimeOffset LastWrite)>(
                directory,
                static (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.LastWriteTimeUtc),
                s_singleLevel)
            {
                ShouldIncludePredicate = static (ref FileSystemEntry entry) =>
                    !entry.IsDirectory && entry.FileName.StartsWith(LocalFileNames.TempPrefix, StringComparison.Ordinal),
            };

            foreach (var (path, lastWrite) in temporaryFiles)
            {
                var age = now - CreatedAt(path, lastWrite);
                if (age > _options.TemporaryFileMaxAge)
                {
                    File.Delete(path);
                    removed++;
                    LocalObjectStoreLog.RemovedStaleTemporaryFile(_logger, path, age);
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing written here yet.
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            LocalObjectStoreLog.TemporaryFileSweepFailed(_logger, directory, exception);
        }

        return removed;
    }

    /// <summary>When a temporary file's write started: the time in its ULID name, or its last write time for a foreign name.</summary>
    private static DateTimeOffset CreatedAt(string path, DateTimeOffset lastWrite)
    {
        var name = Path.GetFileName(path.AsSpan())[LocalFileNames.TempPrefix.Length..].ToString();
        return Ulid.TryParse(name, out var writeId) ? DateTimeOffset.FromUnixTimeMilliseconds(writeId.TimestampMilliseconds) : lastWrite;
    }
}
