using OmniGraph.Storage;

namespace OmniGraph.Tables.Storage;

/// <summary>
/// Runs independent durable writes at the same time, a bounded number at once: their fsyncs overlap (the local store
/// runs each on its own I/O thread) instead of queueing on the grain's turn.
/// </summary>
internal static class ConcurrentWrites
{
    /// <summary>Writes in flight at once.</summary>
    public const int MaxParallelWrites = 16;

    /// <summary>Creates every object (create-if-absent) and waits for all; a failure is rethrown once all finished.</summary>
    public static async Task PutAllAsync(IObjectStore store, IReadOnlyList<(string Key, ReadOnlyMemory<byte> Content)> objects, CancellationToken cancellationToken = default)
    {
        if (objects.Count == 1)
        {
            await store.PutAsync(objects[0].Key, objects[0].Content, WriteCondition.IfNotExists, cancellationToken).ConfigureAwait(false);
            return;
        }

        var failures = new Exception?[objects.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, objects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelWrites, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                try
                {
                    await store.PutAsync(objects[i].Key, objects[i].Content, WriteCondition.IfNotExists, token).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    // Keep going: every write must have finished (or failed) before the caller acts on the outcome.
                    failures[i] = exception;
                }
            }).ConfigureAwait(false);

        foreach (var failure in failures)
        {
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }
        }
    }
}
