using OmniGraph.Storage.Local;

namespace OmniGraph.Storage;

public sealed partial class LocalDirectoryObjectStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Writes and flushes the temporary file a put would write, on the store's I/O threads (<see cref="BlockingIo"/>):
    /// an unnamed file held open until it is published, so a process that dies first leaves nothing (a named temporary
    /// file where the file system has no unnamed ones). Publishing is then one link or rename and one directory flush.
    /// </remarks>
    public ValueTask<PreparedPut> PreparePutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.PreparePut, ObjectStoreMetrics.LocalBackend);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectKey.Validate(key);
        return new(BlockingIo.Run(() => Prepare(key, content)));
    }

    /// <inheritdoc />
    /// <remarks>Runs on the store's I/O threads (<see cref="BlockingIo"/>).</remarks>
    public ValueTask<ObjectProperties> PublishAsync(PreparedPut put, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Put, ObjectStoreMetrics.LocalBackend);
        ArgumentNullException.ThrowIfNull(put);
        return new(BlockingIo.RunAsync(() => PublishCoreAsync(put, condition, flushDirectory: true, cancellationToken).AsTask()));
    }

    /// <inheritdoc />
    /// <remarks>The link or rename without the directory flush that follows it; <see cref="FlushAsync"/> flushes the directory.</remarks>
    public ValueTask<ObjectProperties> PublishUnflushedAsync(PreparedPut put, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Put, ObjectStoreMetrics.LocalBackend);
        ArgumentNullException.ThrowIfNull(put);
        return new(BlockingIo.RunAsync(() => PublishCoreAsync(put, condition, flushDirectory: false, cancellationToken).AsTask()));
    }

    private PreparedPut Prepare(string key, ReadOnlyMemory<byte> content)
    {
        var paths = PathsOf(key);
        try
        {
            var eTag = Ulid.NewUlid(Now.ToUnixTimeMilliseconds());
            return new PreparedPut(key, content, WriteTemporaryFile(key, paths, eTag, content, createDirectory: true)!);
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            throw LocalIoErrors.FromException(key, "preparing", paths.DataFile, exception);
        }
    }

    private async ValueTask<ObjectProperties> PublishCoreAsync(PreparedPut put, WriteCondition condition, bool flushDirectory, CancellationToken cancellationToken)
    {
        if (put.State is not TemporaryWrite write || !write.IsPending)
        {
            // Prepared by the default (content in memory), or already published or discarded: an ordinary put of the
            // content, which is what publishing means.
            return await PutCoreAsync(put.Key, put.Content, condition, cancellationToken).ConfigureAwait(false);
        }

        var paths = PathsOf(put.Key);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfLeasedCreate(put.Key, paths, condition);
            return await PublishTemporaryFileAsync(put.Key, paths, write, condition, flushDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            throw LocalIoErrors.FromException(put.Key, "writing", paths.DataFile, exception);
        }
        finally
        {
            write.Dispose();
        }
    }

    /// <inheritdoc />
    public ValueTask DiscardAsync(PreparedPut put)
    {
        ArgumentNullException.ThrowIfNull(put);
        if (put.State is TemporaryWrite write)
        {
            try
            {
                write.Dispose();
            }
            catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
            {
                // Best effort: a named temporary file left behind is swept once it is old (an unnamed one cannot fail).
                LocalObjectStoreLog.TemporaryFileSweepFailed(_logger, write.Path ?? put.Key, exception);
            }
        }

        return ValueTask.CompletedTask;
    }
}
