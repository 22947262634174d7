using System.Collections;

namespace OmniGraph.Arrow;

/// <summary>
/// Arrow custom metadata: an immutable, ordered list of string key/value pairs. Order is kept exactly as
/// written or read (Arrow IPC stores a list, not a map), and duplicate keys are preserved.
/// </summary>
public sealed class ArrowMetadata : IReadOnlyList<KeyValuePair<string, string>>, IEquatable<ArrowMetadata>
{
    private readonly KeyValuePair<string, string>[] _entries;

    public ArrowMetadata(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries];
        foreach (var entry in _entries)
        {
            if (entry.Key is null || entry.Value is null)
            {
                throw new ArgumentException("Metadata keys and values must not be null.", nameof(entries));
            }
        }
    }

    private ArrowMetadata(KeyValuePair<string, string>[] entries, bool trusted)
    {
        _ = trusted;
        _entries = entries;
    }

    /// <summary>No entries.</summary>
    public static ArrowMetadata Empty { get; } = new([], trusted: true);

    public int Count => _entries.Length;

    public KeyValuePair<string, string> this[int index] => _entries[index];

    /// <summary>Builds metadata from key/value pairs, in the given order.</summary>
    public static ArrowMetadata Of(params (string Key, string Value)[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Length == 0)
        {
            return Empty;
        }

        var pairs = new KeyValuePair<string, string>[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(entries[i].Key);
            ArgumentNullException.ThrowIfNull(entries[i].Value);
            pairs[i] = new KeyValuePair<string, string>(entries[i].Key, entries[i].Value);
        }

        return new ArrowMetadata(pairs, trusted: true);
    }

    internal static ArrowMetadata FromTrustedArray(KeyValuePair<string, string>[] entries) =>
        entries.Length == 0 ? Empty : new ArrowMetadata(entries, trusted: true);

    /// <summary>The value of the first entry with <paramref name="key"/> (ordinal comparison).</summary>
    public bool TryGetValue(string key, out string value)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    public bool Equals(ArrowMetadata? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._entries.Length != _entries.Length)
        {
            return false;
        }

        for (var i = 0; i < _entries.Length; i++)
        {
            if (!string.Equals(_entries[i].Key, other._entries[i].Key, StringComparison.Ordinal)
                || !string.Equals(_entries[i].Value, other._entries[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ArrowMetadata other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var entry in _entries)
        {
            hash.Add(entry.Key, StringComparer.Ordinal);
            hash.Add(entry.Value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        "{" + string.Join(", ", _entries.Select(e => $"{e.Key}={e.Value}")) + "}";
}
