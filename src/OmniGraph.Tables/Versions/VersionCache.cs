using OmniGraph.Tables.Storage.Documents;

namespace OmniGraph.Tables.Versions;

/// <summary>
/// The versions a table grain keeps loaded: pinned ones (the head, versions staged by writes in progress) and a small
/// LRU of others (time travel). Fragments and deletion masks are shared between versions and reference-counted, so
/// one stays in memory exactly as long as some cached version lists it. Used only on the grain's turns.
/// </summary>
internal sealed class VersionCache(int capacity)
{
    private readonly Dictionary<string, Entry> _views = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _recent = new();
    private readonly Dictionary<string, (FragmentData Fragment, int References)> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Key, int Batch), (DeletionMask Mask, int References)> _masks = [];

    /// <summary>Loaded versions.</summary>
    public int Count => _views.Count;

    /// <summary>Fragments held.</summary>
    public int FragmentCount => _fragments.Count;

    /// <summary>Finds a loaded version (and marks it recently used).</summary>
    public bool TryGet(string key, out TableVersionView view)
    {
        if (_views.TryGetValue(key, out var entry))
        {
            if (entry.Node is not null)
            {
                _recent.Remove(entry.Node);
                _recent.AddFirst(entry.Node);
            }

            view = entry.View;
            return true;
        }

        view = null!;
        return false;
    }

    /// <summary>A fragment some cached version holds, so loading another version does not read it again.</summary>
    public FragmentData? FindFragment(string key) => _fragments.TryGetValue(key, out var held) ? held.Fragment : null;

    /// <summary>
    /// The deletion mask a cached version built from <paramref name="vector"/> (a batch of a deletion file), so loading
    /// another version that lists it (a fork's version, an older or newer one of the chain) reads neither the file nor
    /// the rows again.
    /// </summary>
    public DeletionMask? FindMask(DeletionVectorDocument vector) =>
        _masks.TryGetValue((vector.Key, vector.Batch), out var held) ? held.Mask : null;

    /// <summary>Adds a loaded version; pinned versions are never evicted until unpinned.</summary>
    public void Add(string key, TableVersionView view, bool pinned)
    {
        if (_views.TryGetValue(key, out var existing))
        {
            if (pinned && existing.Node is not null)
            {
                _recent.Remove(existing.Node);
                _views[key] = existing with { Node = null };
            }

            return;
        }

        foreach (var fragment in view.Fragments)
        {
            _fragments[fragment.Key] = _fragments.TryGetValue(fragment.Key, out var held)
                ? (held.Fragment, held.References + 1)
                : (fragment, 1);
        }

        for (var i = 0; i < view.DeletionVectors.Length; i++)
        {
            if (view.DeletionVectors[i] is { } vector)
            {
                var slot = (vector.Key, vector.Batch);
                _masks[slot] = _masks.TryGetValue(slot, out var held) ? (held.Mask, held.References + 1) : (view.Masks[i], 1);
            }
        }

        _views[key] = new Entry(view, pinned ? null : _recent.AddFirst(key));
        Trim();
    }

    /// <summary>Pins a cached version (it becomes the head or is staged).</summary>
    public void Pin(string key)
    {
        if (_views.TryGetValue(key, out var entry) && entry.Node is not null)
        {
            _recent.Remove(entry.Node);
            _views[key] = entry with { Node = null };
        }
    }

    /// <summary>Unpins a version: it joins the LRU (or is dropped at once when <paramref name="drop"/>).</summary>
    public void Unpin(string key, bool drop = false)
    {
        if (!_views.TryGetValue(key, out var entry) || entry.Node is not null)
        {
            return;
        }

        if (drop)
        {
            Remove(key, entry);
            return;
        }

        _views[key] = entry with { Node = _recent.AddFirst(key) };
        Trim();
    }

    private void Trim()
    {
        while (_recent.Count > capacity && _recent.Last is { } last)
        {
            Remove(last.Value, _views[last.Value]);
        }
    }

    private void Remove(string key, Entry entry)
    {
        if (entry.Node is not null)
        {
            _recent.Remove(entry.Node);
        }

        _views.Remove(key);
        foreach (var fragment in entry.View.Fragments)
        {
            var held = _fragments[fragment.Key];
            if (held.References == 1)
            {
                _fragments.Remove(fragment.Key);
            }
            else
            {
                _fragments[fragment.Key] = (held.Fragment, held.References - 1);
            }
        }

        foreach (var vector in entry.View.DeletionVectors)
        {
            if (vector is not null)
            {
                var slot = (vector.Key, vector.Batch);
                var held = _masks[slot];
                if (held.References == 1)
                {
                    _masks.Remove(slot);
                }
                else
                {
                    _masks[slot] = (held.Mask, held.References - 1);
                }
            }
        }
    }

    private readonly record struct Entry(TableVersionView View, LinkedListNode<string>? Node);
}
