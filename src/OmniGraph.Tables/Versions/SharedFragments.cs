namespace OmniGraph.Tables.Versions;

/// <summary>
/// The fragments the table grains of one silo hold, by graph and object key, so a grain that loads a version another
/// grain already holds (a branch's grain, created from main's head, at its first read) takes the same
/// <see cref="FragmentData"/> and its rows instead of reading and keeping a second copy: a fragment is immutable once
/// written, whichever branch's version names it. Held weakly: a fragment lives as long as some grain's version does.
/// </summary>
/// <remarks>Thread-safe: grains of different activations call it at once.</remarks>
internal sealed class SharedFragments
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Graph, string Key), WeakReference<FragmentData>> _held = [];
    private int _sweepAt = 1024;

    /// <summary>Entries held (live or not yet swept; tests).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>The fragment of <paramref name="graph"/> stored at <paramref name="key"/> that some grain holds, or null.</summary>
    public FragmentData? Find(string graph, string key)
    {
        lock (_lock)
        {
            return _held.TryGetValue((graph, key), out var held) && held.TryGetTarget(out var fragment) ? fragment : null;
        }
    }

    /// <summary>Offers <paramref name="fragments"/> of <paramref name="graph"/> to other grains; a key already held by a live fragment keeps it.</summary>
    public void Share(string graph, IReadOnlyList<FragmentData> fragments)
    {
        lock (_lock)
        {
            foreach (var fragment in fragments)
            {
                var key = (graph, fragment.Key);
                if (_held.TryGetValue(key, out var held))
                {
                    if (!held.TryGetTarget(out _))
                    {
                        held.SetTarget(fragment);
                    }

                    continue;
                }

                _held[key] = new WeakReference<FragmentData>(fragment);
            }

            if (_held.Count >= _sweepAt)
            {
                // Entries whose fragment was collected go; the next sweep waits until the map has doubled again.
                foreach (var (key, held) in _held)
                {
                    if (!held.TryGetTarget(out _))
                    {
                        _held.Remove(key);
                    }
                }

                _sweepAt = Math.Max(1024, _held.Count * 2);
            }
        }
    }
}
