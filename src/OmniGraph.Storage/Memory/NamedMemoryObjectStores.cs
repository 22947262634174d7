using System.Collections.Concurrent;

namespace OmniGraph.Storage;

/// <summary>
/// Process-wide memory stores addressed by name (<c>memory://name</c>), so several components of one process
/// (an embedded client and a test, say) can open the same ephemeral store by location.
/// </summary>
public static class NamedMemoryObjectStores
{
    private static readonly ConcurrentDictionary<string, MemoryObjectStore> s_stores = new(StringComparer.Ordinal);

    /// <summary>Returns the store with that name, creating it empty on first use.</summary>
    /// <exception cref="InvalidObjectStoreUriException">The name is empty or has characters other than letters, digits, '.', '_' and '-'.</exception>
    public static MemoryObjectStore GetOrCreate(string name)
    {
        ValidateName(name);
        return s_stores.GetOrAdd(name, static n => new MemoryObjectStore(n));
    }

    /// <summary>Forgets the store with that name (its contents go with it); returns whether it existed.</summary>
    public static bool Remove(string name) => s_stores.TryRemove(name, out _);

    internal static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            throw new InvalidObjectStoreUriException("memory://", "a memory store needs a name");
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                throw new InvalidObjectStoreUriException($"memory://{name}", "a memory store name uses only letters, digits, '.', '_' and '-'");
            }
        }
    }
}
