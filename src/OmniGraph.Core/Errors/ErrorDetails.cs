using System.Collections;

namespace OmniGraph;

/// <summary>
/// The typed details of one error: an immutable set of name/value pairs, sorted by name, read with the keys of
/// <see cref="ErrorDetail"/> (<c>error.Details.Get(ErrorDetail.Table)</c>). Values are <see cref="string"/>,
/// <see cref="long"/>, <see cref="bool"/> or <c>null</c>.
/// </summary>
public sealed class ErrorDetails : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _entries;

    private ErrorDetails(KeyValuePair<string, object?>[] entries) => _entries = entries;

    /// <summary>No details.</summary>
    public static ErrorDetails None { get; } = new([]);

    /// <inheritdoc />
    public int Count => _entries.Length;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] => _entries[index];

    /// <summary>Details from pairs made with <see cref="ErrorDetail{T}.With"/> (or read from the wire). A name given twice keeps its last value.</summary>
    /// <exception cref="ArgumentException">A value is not text, a whole number, a boolean or null.</exception>
    public static ErrorDetails Of(params IEnumerable<KeyValuePair<string, object?>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var byName = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in entries)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            byName[name] = value switch
            {
                null or string or long or bool => value,
                int number => (long)number,
                uint number => (long)number,
                _ => throw new ArgumentException($"error detail '{name}' holds a {value.GetType().Name}; details hold text, whole numbers or booleans", nameof(entries)),
            };
        }

        return byName.Count == 0 ? None : new ErrorDetails([.. byName]);
    }

    /// <summary>The value of <paramref name="detail"/>, or the type's default when the error does not carry it.</summary>
    public T? Get<T>(ErrorDetail<T> detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return TryGetValue(detail.Name, out var value) && value is T typed ? typed : default;
    }

    /// <summary>Whether the error carries <paramref name="detail"/> (with a null value too).</summary>
    public bool Contains<T>(ErrorDetail<T> detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return TryGetValue(detail.Name, out _);
    }

    /// <summary>These details with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public ErrorDetails With(string name, object? value) => Of([.. _entries.Where(e => e.Key != name), new(name, value)]);

    /// <summary>The raw value of the detail named <paramref name="name"/>.</summary>
    public bool TryGetValue(string name, out object? value)
    {
        var low = 0;
        var high = _entries.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = string.CompareOrdinal(_entries[middle].Key, name);
            if (order == 0)
            {
                value = _entries[middle].Value;
                return true;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", _entries.Select(static e => $"{e.Key}={e.Value ?? "null"}"));
}
