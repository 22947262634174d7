namespace OmniGraph.Grains.Writes;

/// <summary>
/// The chained writes of one silo to one branch waiting to be prepared (group commit). One runner at a time takes them
/// in batches: the first waiting write and every later one of the same actor and writer kind, which the manifest grain
/// accepts with one access decision.
/// </summary>
internal sealed class ChainedWriteQueue
{
    private readonly Lock _lock = new();
    private readonly List<WriteAttempt> _waiting = [];
    private bool _running;

    /// <summary>How many writes wait for a batch.</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Queues <paramref name="attempt"/>; <c>true</c> when the caller must start the runner (none runs).</summary>
    public bool Add(WriteAttempt attempt)
    {
        lock (_lock)
        {
            _waiting.Add(attempt);
            if (_running)
            {
                return false;
            }

            _running = true;
            return true;
        }
    }

    /// <summary>Puts writes a batch could not finish back at the front, in their order (by the runner only).</summary>
    public void Requeue(IReadOnlyList<WriteAttempt> attempts)
    {
        lock (_lock)
        {
            _waiting.InsertRange(0, attempts);
        }
    }

    /// <summary>Takes <paramref name="attempt"/> out if no batch took it yet (a writer that gave up while waiting).</summary>
    public bool TryRemove(WriteAttempt attempt)
    {
        lock (_lock)
        {
            return _waiting.Remove(attempt);
        }
    }

    /// <summary>
    /// The next batch (at most <paramref name="max"/> writes, in queue order), or <c>null</c> when nothing waits: the
    /// runner stops then, and the next write queued starts another.
    /// </summary>
    public List<WriteAttempt>? Take(int max)
    {
        lock (_lock)
        {
            if (_waiting.Count == 0)
            {
                _running = false;
                return null;
            }

            var first = _waiting[0];
            var batch = new List<WriteAttempt>(Math.Min(max, _waiting.Count));
            for (var i = 0; i < _waiting.Count && batch.Count < max; i++)
            {
                var candidate = _waiting[i];
                if (string.Equals(candidate.Request.Actor, first.Request.Actor, StringComparison.Ordinal)
                    && string.Equals(candidate.Request.Writer, first.Request.Writer, StringComparison.Ordinal))
                {
                    batch.Add(candidate);
                    _waiting.RemoveAt(i);
                    i--;
                }
            }

            return batch;
        }
    }
}
