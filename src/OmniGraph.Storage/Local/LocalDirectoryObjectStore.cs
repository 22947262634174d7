using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OmniGraph.Storage.Local;

namespace OmniGraph.Storage;

/// <summary>
/// The embedded default: an object store in a local directory that keeps every guarantee of
/// <see cref="IObjectStore"/> across processes sharing the directory, not only across threads.
/// </summary>
/// <remarks>
/// <para>Layout: object <c>a/b/c.json</c> is the file <c>&lt;root&gt;/a/b/c.json.og-obj</c> (see
/// <see cref="LocalFileNames"/>); it starts with a 64-byte header carrying the entity tag
/// (<see cref="ObjectFileHeader"/>), followed by the object's bytes.</para>
/// <para>Every write goes to a temporary file in the target directory, is flushed to disk, and is then
/// published with one atomic step: <c>link(2)</c> for create-if-absent (fails if the name exists, so exactly
/// one racing writer wins), <c>rename(2)</c> otherwise. The temporary file is unnamed (<c>O_TMPFILE</c>, linked with
/// <c>linkat(2)</c>) where the file system allows, so a writer killed before publishing leaves nothing behind; a
/// rename gives it a temporary name only for the moment of the rename. Unconditional and if-match writes, deletes and lease
/// operations publish while holding the key's cross-process lock (<see cref="KeyLock"/>), after re-reading
/// the current entity tag and lease under it. The directory is flushed before an operation returns, so an
/// acknowledged write survives a crash, and a reader opens either the old file or the new one, never a mix.</para>
/// <para>Reads run synchronously on the calling thread (file I/O on Linux has no useful asynchronous path, and a read
/// from the page cache is quick). Operations that flush (puts, deletes, prepared puts and their publication, flushes)
/// run on the store's own I/O threads (<see cref="Local.BlockingIo"/>), so a caller that starts several has them in
/// flight together and its own thread never waits on the disk; waiting for a contended key lock is asynchronous.</para>
/// </remarks>
public sealed partial class LocalDirectoryObjectStore : IObjectStore
{
    private readonly string _root;
    private readonly LocalObjectStoreOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, long> _lastSweepByDirectory = new(StringComparer.Ordinal);

    /// <summary>Opens (and by default creates) a store rooted at <paramref name="rootPath"/>.</summary>
    public LocalDirectoryObjectStore(string rootPath)
        : this(new LocalObjectStoreOptions { RootPath = rootPath })
    {
    }

    /// <summary>Opens a store with the given options.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    /// <exception cref="OmniGraphException">Code <c>store_unavailable</c>: The root cannot be created or is not a directory.</exception>
    public LocalDirectoryObjectStore(LocalObjectStoreOptions options, ILogger<LocalDirectoryObjectStore>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new LocalObjectStoreOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(LocalObjectStoreOptions), validation.Failures);
        }

        _options = options;
        _logger = logger ?? NullLogger<LocalDirectoryObjectStore>.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.RootPath));

        // An unnamed file is published by linking its /proc/self/fd entry, so it needs /proc.
        _unnamedTemporaryFiles = options.UnnamedTemporaryFiles && Directory.Exists("/proc/self/fd");
        Location = new Uri(_root + "/").AbsoluteUri.TrimEnd('/');
        OpenRoot();
        LocalObjectStoreLog.Opened(_logger, Location);
        if (options.RemoveStaleTemporaryFilesOnOpen)
        {
            RemoveStaleTemporaryFiles();
        }
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>Absolute path of the root directory.</summary>
    public string RootPath => _root;

    private void OpenRoot()
    {
        try
        {
            if (Directory.Exists(_root))
            {
                return;
            }

            if (File.Exists(_root))
            {
                throw StoreErrors.Unavailable(string.Empty, $"store root '{_root}' is a file, not a directory");
            }

            if (!_options.CreateRootIfMissing)
            {
                throw StoreErrors.Unavailable(string.Empty, $"store root '{_root}' does not exist");
            }

            LocalFiles.CreateDirectoryDurably(string.Empty, Path.GetPathRoot(_root) ?? "/", _root);
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            throw LocalIoErrors.FromException(string.Empty, "opening store root", _root, exception);
        }
    }

    private ObjectPaths PathsOf(string key) => new(_root, key);

    private DateTimeOffset Now => _timeProvider.GetUtcNow();
}
