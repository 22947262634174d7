using System.Collections.Concurrent;

namespace OmniGraph.Storage;

/// <summary>
/// The <see cref="IObjectStoreProvider"/>s <see cref="ObjectStoreUri"/> consults for schemes other than a path,
/// <c>file://</c> and <c>memory://</c>. <see cref="Default"/> is the process-wide registry that the plain
/// <see cref="ObjectStoreUri.Parse(string)"/> and <see cref="ObjectStoreUri.Open(string, Microsoft.Extensions.Logging.ILoggerFactory?, TimeProvider?)"/>
/// use, so every caller that opens stores by location (the graph directory, the embedded host) reaches a scheme as soon
/// as its package registers it; tests and hosts that want isolation pass a registry of their own. Thread-safe.
/// </summary>
public sealed class ObjectStoreProviderRegistry
{
    /// <summary>Schemes the storage core handles itself; no provider may take them over.</summary>
    internal static readonly IReadOnlyList<string> BuiltInSchemes = ["file", "memory"];

    private readonly ConcurrentDictionary<string, IObjectStoreProvider> _providers = new(StringComparer.Ordinal);

    /// <summary>The process-wide registry.</summary>
    public static ObjectStoreProviderRegistry Default { get; } = new();

    /// <summary>The registered schemes, sorted.</summary>
    public IReadOnlyList<string> Schemes => [.. _providers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Registers <paramref name="provider"/> for its scheme, replacing the provider registered for it before (a host
    /// that configures the scheme again means the new settings).
    /// </summary>
    /// <exception cref="ArgumentException">The scheme is not a valid URI scheme, or is one the core handles itself.</exception>
    public void Register(IObjectStoreProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var scheme = provider.Scheme;
        if (!IsValidScheme(scheme))
        {
            throw new ArgumentException($"'{scheme}' is not a lower-case URI scheme (a letter, then letters, digits, '+', '-' or '.').", nameof(provider));
        }

        if (BuiltInSchemes.Contains(scheme, StringComparer.Ordinal))
        {
            throw new ArgumentException($"the scheme '{scheme}' is handled by the storage core and cannot be provided.", nameof(provider));
        }

        _providers[scheme] = provider;
    }

    /// <summary>Forgets the provider of <paramref name="scheme"/>; returns whether one was registered.</summary>
    public bool Remove(string scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return _providers.TryRemove(scheme.ToLowerInvariant(), out _);
    }

    /// <summary>The provider of <paramref name="scheme"/> (any case), or <c>null</c>.</summary>
    public IObjectStoreProvider? Find(string scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return _providers.TryGetValue(scheme.ToLowerInvariant(), out var provider) ? provider : null;
    }

    private static bool IsValidScheme(string? scheme)
    {
        if (string.IsNullOrEmpty(scheme) || !char.IsAsciiLetterLower(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
