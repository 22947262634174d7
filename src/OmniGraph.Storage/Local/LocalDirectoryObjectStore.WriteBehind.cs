using System.Collections.Concurrent;
using OmniGraph.Storage.Local;

namespace OmniGraph.Storage;

public sealed partial class LocalDirectoryObjectStore
{
    /// <summary>
    /// Unflushed puts whose bytes are still being written, by key (<see cref="PutUnflushedAsync"/> writes behind the call).
    /// A write that succeeded leaves the map when it ends; one that failed stays until a flush or a read of its key
    /// reports it, so its failure is never lost.
    /// </summary>
    private readonly ConcurrentDictionary<string, PendingWrite> _writing = new(StringComparer.Ordinal);

    /// <summary>Starts writing an unflushed object on an I/O thread and tracks it until it ends.</summary>
    private ObjectProperties StartWriteBehind(string key, ReadOnlyMemory<byte> content)
    {
        // Create-if-absent is answered now for a name already taken (a look-up, no write); two writers racing for one
        // new name (never the case for the unique names this is for) are told at the flush.
        var paths = PathsOf(key);
        if (!_writing.IsEmpty && _writing.TryGetValue(key, out var inFlight))
        {
            throw new ObjectPreconditionFailedException(key, WriteCondition.IfNotExists, inFlight.ETag, "the object already exists");
        }

        if (File.Exists(paths.DataFile))
        {
            throw new ObjectPreconditionFailedException(key, WriteCondition.IfNotExists, TryReadInfo(key, paths.DataFile)?.ETag, "the object already exists");
        }

        var eTag = Ulid.NewUlid(Now.ToUnixTimeMilliseconds());
        var write = new Task(() => WriteInPlace(key, content, eTag), TaskCreationOptions.DenyChildAttach);
        var pending = new PendingWrite(write, eTag.ToString());
        if (!_writing.TryAdd(key, pending))
        {
            // Another put of this very name started since the look-up.
            throw new ObjectPreconditionFailedException(key, WriteCondition.IfNotExists, _writing.TryGetValue(key, out var other) ? other.ETag : null, "the object already exists");
        }

        _ = write.ContinueWith(
            (done, state) =>
            {
                var (store, name, entry) = ((LocalDirectoryObjectStore, string, PendingWrite))state!;
                if (done.IsCompletedSuccessfully)
                {
                    store._writing.TryRemove(new KeyValuePair<string, PendingWrite>(name, entry));
                }
                else
                {
                    // Observed here, reported by the flush or read of the key.
                    _ = done.Exception;
                }
            },
            (this, key, pending),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        write.Start(BlockingIo.Shared);
        return new ObjectFileInfo(eTag.ToString(), DateTimeOffset.FromUnixTimeMilliseconds(eTag.TimestampMilliseconds), content.Length)
            .ToProperties(key, isLeased: false);
    }

    /// <summary>Whether an unflushed write of <paramref name="key"/> is in flight or failed unreported.</summary>
    private bool IsWriting(string key) => !_writing.IsEmpty && _writing.ContainsKey(key);

    /// <summary>
    /// Waits for the unflushed writes of <paramref name="keys"/> still in flight, and rethrows the first failure (in key
    /// order) after every one has ended; a reported failure leaves the map.
    /// </summary>
    private async Task AwaitWritesAsync(IReadOnlyList<string> keys)
    {
        if (_writing.IsEmpty)
        {
            return;
        }

        List<(string Key, PendingWrite Write)>? pending = null;
        foreach (var key in keys)
        {
            if (_writing.TryGetValue(key, out var write))
            {
                (pending ??= []).Add((key, write));
            }
        }

        if (pending is null)
        {
            return;
        }

        try
        {
            await Task.WhenAll(pending.Select(static p => p.Write.Write)).ConfigureAwait(false);
        }
        catch
        {
            foreach (var (key, write) in pending)
            {
                if (write.Write.IsFaulted)
                {
                    _writing.TryRemove(new KeyValuePair<string, PendingWrite>(key, write));
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(write.Write.Exception!.InnerException!);
                }
            }

            throw;
        }
    }

    /// <summary>A read of a key whose unflushed write is in flight: after the write (its failure reported), then the read.</summary>
    private async ValueTask<T> AfterWriteAsync<T>(string key, Func<T> read)
    {
        await AwaitWritesAsync([key]).ConfigureAwait(false);
        return read();
    }

    /// <summary>An unflushed write behind its put, and the tag the put reported.</summary>
    private sealed record PendingWrite(Task Write, string ETag);
}
