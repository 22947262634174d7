using System.Runtime.InteropServices;
using OmniGraph.Storage.Local;

namespace OmniGraph.Storage;

public sealed partial class LocalDirectoryObjectStore
{
    /// <inheritdoc />
    /// <remarks>Runs on the store's I/O threads (<see cref="BlockingIo"/>): the caller's thread does not wait on the disk.</remarks>
    public ValueTask<ObjectProperties> PutAsync(string key, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Put, ObjectStoreMetrics.LocalBackend);
        return new(BlockingIo.RunAsync(() => PutCoreAsync(key, content, condition, cancellationToken).AsTask()));
    }

    /// <inheritdoc />
    /// <remarks>Runs on the store's I/O threads (<see cref="BlockingIo"/>).</remarks>
    public ValueTask<bool> DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Delete, ObjectStoreMetrics.LocalBackend);
        return new(BlockingIo.RunAsync(() => DeleteCoreAsync(key, condition, cancellationToken).AsTask()));
    }

    private async ValueTask<ObjectProperties> PutCoreAsync(string key, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectKey.Validate(key);
        var paths = PathsOf(key);
        try
        {
            ThrowIfLeasedCreate(key, paths, condition);
            var eTag = Ulid.NewUlid(Now.ToUnixTimeMilliseconds());
            var write = WriteTemporaryFile(key, paths, eTag, content, createDirectory: condition.Kind != WriteConditionKind.IfMatch)
                ?? throw new ObjectPreconditionFailedException(key, condition, null); // only if-match skips creating the directory: no directory, no object, no match
            return await PublishTemporaryFileAsync(key, paths, write, condition, flushDirectory: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            throw LocalIoErrors.FromException(key, "writing", paths.DataFile, exception);
        }
    }

    /// <inheritdoc />
    /// <remarks>Every unlink on an I/O thread (<see cref="BlockingIo"/>), side by side, then each directory flushed once.</remarks>
    public async ValueTask<int> DeleteAllAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Delete, ObjectStoreMetrics.LocalBackend);
        ArgumentNullException.ThrowIfNull(keys);
        var deletes = new Task<bool>[keys.Count];
        for (var i = 0; i < deletes.Length; i++)
        {
            var key = keys[i];
            deletes[i] = BlockingIo.RunAsync(() => DeleteCoreAsync(key, WriteCondition.None, cancellationToken, flushDirectory: false).AsTask());
        }

        // Every unlink is waited for before the flush (or a failure) is reported, so none is still running afterwards.
        try
        {
            await Task.WhenAll(deletes).ConfigureAwait(false);
        }
        catch
        {
            foreach (var delete in deletes)
            {
                if (delete.IsFaulted)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(delete.Exception!.InnerException!);
                }
            }

            throw;
        }

        await FlushNamesAsync(keys, cancellationToken).ConfigureAwait(false);
        return deletes.Count(static d => d.Result);
    }

    private async ValueTask<bool> DeleteCoreAsync(string key, WriteCondition condition, CancellationToken cancellationToken, bool flushDirectory = true)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectKey.Validate(key);
        if (IsWriting(key))
        {
            await AwaitWritesAsync([key]).ConfigureAwait(false);
        }

        OperationArguments.ValidateDeleteCondition(condition);
        var paths = PathsOf(key);
        try
        {
            using var keyLock = await KeyLock.AcquireAsync(paths.LockFile, key, _options.LockTimeout, cancellationToken).ConfigureAwait(false);
            var current = keyLock is null ? null : TryReadInfo(key, paths.DataFile);
            if (current is null)
            {
                keyLock?.RemoveFile();
                return condition.Kind == WriteConditionKind.IfMatch
                    ? throw new ObjectPreconditionFailedException(key, condition, null)
                    : false;
            }

            ThrowIfConditionFails(key, condition, current.Value.ETag, keyLock!.ReadLease());

            // Clear the lease before unlinking: a crash in between then leaves an unleased object (the holder
            // asked for the delete), never a stale lease that a later object of the same key would inherit.
            keyLock.ClearLease();
            File.Delete(paths.DataFile);
            keyLock.RemoveFile();
            if (flushDirectory)
            {
                LocalFiles.FlushDirectory(key, paths.Directory);
            }

            return true;
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            throw LocalIoErrors.FromException(key, "deleting", paths.DataFile, exception);
        }
    }

    /// <summary>
    /// Publishes a flushed temporary file under the object's name if the condition holds (link for create-if-absent,
    /// rename under the key lock otherwise), flushes the directory, and lets go of the temporary file in every case.
    /// </summary>
    private async ValueTask<ObjectProperties> PublishTemporaryFileAsync(string key, ObjectPaths paths, TemporaryWrite write, WriteCondition condition, bool flushDirectory, CancellationToken cancellationToken)
    {
        var written = new ObjectFileInfo(write.ETag.ToString(), DateTimeOffset.FromUnixTimeMilliseconds(write.ETag.TimestampMilliseconds), write.Length);
        try
        {
            return condition.Kind == WriteConditionKind.IfNotExists
                ? PublishIfAbsent(key, paths, write, condition, written, flushDirectory)
                : await PublishUnderLockAsync(key, paths, write, condition, written, flushDirectory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // After a link the temporary name is a second link to the published file (an unnamed file is closed); after
            // a rename it is gone; after a lost condition it is garbage. Letting go is right in every case.
            write.Dispose();
        }
    }

    /// <summary>Create-if-absent: <c>link(2)</c> never replaces an existing name, so one racing writer wins.</summary>
    private ObjectProperties PublishIfAbsent(string key, ObjectPaths paths, TemporaryWrite write, WriteCondition condition, ObjectFileInfo written, bool flushDirectory)
    {
        var error = write.LinkTo(paths.DataFile);
        if (error != 0)
        {
            if (error == LibC.ErrorExists)
            {
                throw new ObjectPreconditionFailedException(key, condition, TryReadInfo(key, paths.DataFile)?.ETag, "the object already exists");
            }

            throw LocalIoErrors.FromErrno(key, "publishing", paths.DataFile, error);
        }

        if (flushDirectory)
        {
            LocalFiles.FlushDirectory(key, paths.Directory);
        }
        return written.ToProperties(key, isLeased: false);
    }

    /// <summary>Unconditional or if-match: re-check tag and lease under the key lock, then rename over the object.</summary>
    private async ValueTask<ObjectProperties> PublishUnderLockAsync(
        string key, ObjectPaths paths, TemporaryWrite write, WriteCondition condition, ObjectFileInfo written, bool flushDirectory, CancellationToken cancellationToken)
    {
        using var keyLock = await KeyLock.AcquireAsync(paths.LockFile, key, _options.LockTimeout, cancellationToken).ConfigureAwait(false)
            ?? throw StoreErrors.Unavailable(key, $"directory '{paths.Directory}' vanished during a write; was it removed outside the store?");
        var current = TryReadInfo(key, paths.DataFile);
        var lease = keyLock.ReadLease();
        try
        {
            ThrowIfConditionFails(key, condition, current?.ETag, lease);
        }
        catch (ObjectPreconditionFailedException) when (current is null)
        {
            keyLock.RemoveFile();
            throw;
        }

        // rename(2) needs a name to move: an unnamed file gets its temporary one only now, for the moment of the rename.
        var tempFile = write.Path ?? paths.TempFileFor(write.ETag);
        if (write.Path is null && write.LinkTo(tempFile) is var linkError and not 0)
        {
            throw LocalIoErrors.FromErrno(key, "publishing", paths.DataFile, linkError);
        }

        if (LibC.Rename(tempFile, paths.DataFile) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            File.Delete(tempFile);
            throw LocalIoErrors.FromErrno(key, "publishing", paths.DataFile, error);
        }

        if (flushDirectory)
        {
            LocalFiles.FlushDirectory(key, paths.Directory);
        }
        return written.ToProperties(key, lease is { } held && held.IsActiveAt(Now));
    }

    /// <summary>A new object cannot be leased, so a create-if-absent carrying a lease fails whatever the disk holds; says which way.</summary>
    private void ThrowIfLeasedCreate(string key, ObjectPaths paths, WriteCondition condition)
    {
        if (condition.Kind == WriteConditionKind.IfNotExists && condition.LeaseId is not null)
        {
            var existing = TryReadInfo(key, paths.DataFile);
            throw new ObjectPreconditionFailedException(
                key,
                condition,
                existing?.ETag,
                existing is null ? LeaseRules.FindWriteViolation(null, Now, condition.LeaseId) : "the object already exists");
        }
    }

    private void ThrowIfConditionFails(string key, WriteCondition condition, string? currentETag, LeaseState? lease)
    {
        if (condition.Kind == WriteConditionKind.IfMatch
            && (currentETag is null || !string.Equals(currentETag, condition.ETag, StringComparison.Ordinal)))
        {
            throw new ObjectPreconditionFailedException(key, condition, currentETag);
        }

        var leaseViolation = LeaseRules.FindWriteViolation(lease, Now, condition.LeaseId);
        if (leaseViolation is not null)
        {
            throw new ObjectPreconditionFailedException(key, condition, currentETag, leaseViolation);
        }
    }
}
