using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using OmniGraph.Storage.Local;

namespace OmniGraph.Storage;

public sealed partial class LocalDirectoryObjectStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Writes the object in place (<c>O_CREAT|O_EXCL</c> on its final name, so create-if-absent still holds) without a
    /// temporary file, a link or any <c>fsync</c>: the flushes of many such objects, and of their directories, then run
    /// side by side in <see cref="FlushAsync"/> instead of two sequential flushes per object. The bytes are written
    /// behind the call, on an I/O thread: the caller (a table grain preparing a version) does not wait for file creation,
    /// which queues behind the journal while other writers flush. <see cref="FlushAsync"/> and every read of the key wait
    /// for the write and report its failure; <paramref name="content"/> must not change afterwards.
    /// </remarks>
    public ValueTask<ObjectProperties> PutUnflushedAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Put, ObjectStoreMetrics.LocalBackend);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectKey.Validate(key);
            return ValueTask.FromResult(StartWriteBehind(key, content));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<ObjectProperties>(exception);
        }
    }

    /// <inheritdoc />
    public async ValueTask FlushAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Flush, ObjectStoreMetrics.LocalBackend);
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var targets = new List<(string Key, string Path)>(keys.Count * 2);
        var directories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            ObjectKey.Validate(key);
            var paths = PathsOf(key);
            targets.Add((key, paths.DataFile));
            if (directories.Add(paths.Directory))
            {
                targets.Add((key, paths.Directory));
            }
        }

        await AwaitWritesAsync(keys).ConfigureAwait(false);
        await WhenAllFlushedAsync(targets).ConfigureAwait(false);
    }

    /// <summary>
    /// Flushes files and directories at once, each on an I/O thread: the journal commits them together instead of one
    /// flush after another. Every flush is waited for before a failure is reported (the first, in argument order).
    /// </summary>
    private async Task WhenAllFlushedAsync(IReadOnlyList<(string Key, string Path)> targets)
    {
        if (targets.Count == 0)
        {
            return;
        }

        var flushes = new Task[targets.Count];
        for (var i = 0; i < flushes.Length; i++)
        {
            var (key, path) = targets[i];
            flushes[i] = BlockingIo.Run(() => FlushPath(key, path));
        }

        try
        {
            await Task.WhenAll(flushes).ConfigureAwait(false);
        }
        catch
        {
            foreach (var flush in flushes)
            {
                if (flush.IsFaulted)
                {
                    ExceptionDispatchInfo.Throw(flush.Exception!.InnerException!);
                }
            }

            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Flushes each directory holding one of the names once, the directories side by side: the bytes were flushed when
    /// they were prepared, and a link is an entry of its directory, which is what a publish flushes too.
    /// </remarks>
    public async ValueTask FlushNamesAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Flush, ObjectStoreMetrics.LocalBackend);
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var directories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            ObjectKey.Validate(key);
            directories.TryAdd(PathsOf(key).Directory, key);
        }

        await WhenAllFlushedAsync([.. directories.Select(static d => (d.Value, d.Key))]).ConfigureAwait(false);
    }

    private void WriteInPlace(string key, ReadOnlyMemory<byte> content, Ulid eTag)
    {
        var paths = PathsOf(key);
        try
        {
            SafeFileHandle handle;
            try
            {
                handle = File.OpenHandle(paths.DataFile, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            }
            catch (Exception exception) when (exception is DirectoryNotFoundException or FileNotFoundException)
            {
                // As for a temporary file: either exception means the directory does not exist yet.
                LocalFiles.CreateDirectoryDurably(key, _root, paths.Directory);
                handle = File.OpenHandle(paths.DataFile, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            }
            catch (IOException) when (File.Exists(paths.DataFile))
            {
                throw new ObjectPreconditionFailedException(key, WriteCondition.IfNotExists, TryReadInfo(key, paths.DataFile)?.ETag, "the object already exists");
            }

            try
            {
                using (handle)
                {
                    WriteObjectBytes(handle, key, eTag, content, flush: false);
                }
            }
            catch
            {
                // A partly written object must not stay under its name (nobody refers to it yet).
                File.Delete(paths.DataFile);
                throw;
            }
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            throw LocalIoErrors.FromException(key, "writing", paths.DataFile, exception);
        }
    }

    /// <summary>Flushes one file or directory (<c>fsync</c> through a read-only descriptor).</summary>
    private void FlushPath(string key, string path)
    {
        var fd = LibC.Open(path, LibC.OpenReadOnly | LibC.OpenCloseOnExec, 0);
        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw error == LibC.ErrorNoEntry
                ? new ObjectNotFoundException(key, Location)
                : LocalIoErrors.FromErrno(key, "opening for flush", path, error);
        }

        try
        {
            if (LibC.FSync(fd) != 0)
            {
                throw LocalIoErrors.FromErrno(key, "flushing", path, Marshal.GetLastPInvokeError());
            }
        }
        finally
        {
            LibC.Close(fd);
        }
    }
}
