using Microsoft.Extensions.Logging;

namespace OmniGraph.Storage;

/// <summary>
/// Opens a store from a location string, as the CLI and configuration give it: a local path (relative paths
/// resolve against the current directory), a <c>file:///absolute/path</c> URI, <c>memory://name</c> for a
/// process-wide named memory store, or <c>scheme://...</c> for a scheme an <see cref="IObjectStoreProvider"/> in the
/// <see cref="ObjectStoreProviderRegistry"/> handles (<c>az://container/prefix</c> once OmniGraph.Storage.Azure is
/// registered). Anything else is refused with <see cref="InvalidObjectStoreUriException"/>.
/// </summary>
public static class ObjectStoreUri
{
    private const string SchemeSeparator = "://";

    /// <summary>
    /// Providers that other packages of this repository supply, for the error that names the missing one. The storage
    /// core references none of them.
    /// </summary>
    private static readonly Dictionary<string, string> s_knownProviders = new(StringComparer.Ordinal)
    {
        ["az"] = "the Azure Blob store (OmniGraph.Storage.Azure: register it with services.AddAzureBlobObjectStoreProvider() or AzureBlobObjectStoreProvider.Register())",
    };

    /// <summary>Parses a location without touching any storage, resolving other schemes through <see cref="ObjectStoreProviderRegistry.Default"/>.</summary>
    /// <exception cref="InvalidObjectStoreUriException">The location is empty, malformed, or uses a scheme no provider handles.</exception>
    public static ObjectStoreLocation Parse(string location) => Parse(location, ObjectStoreProviderRegistry.Default);

    /// <summary>Parses a location without touching any storage, resolving other schemes through <paramref name="providers"/>.</summary>
    /// <exception cref="InvalidObjectStoreUriException">The location is empty, malformed, or uses a scheme no provider handles.</exception>
    public static ObjectStoreLocation Parse(string location, ObjectStoreProviderRegistry providers)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(providers);
        if (string.IsNullOrWhiteSpace(location))
        {
            throw new InvalidObjectStoreUriException(location, "a store location must not be empty");
        }

        if (location.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidObjectStoreUriException(location, "a store location must not contain NUL");
        }

        var separator = location.IndexOf(SchemeSeparator, StringComparison.Ordinal);
        if (separator < 0)
        {
            return new ObjectStoreLocation(ObjectStoreKind.LocalDirectory, Path.GetFullPath(location));
        }

        var scheme = location[..separator].ToLowerInvariant();
        return scheme switch
        {
            "file" => ParseFileUri(location),
            "memory" => ParseMemoryUri(location, location[(separator + SchemeSeparator.Length)..].TrimEnd('/')),
            _ => ParseProviderUri(location, scheme, providers),
        };
    }

    /// <summary>Opens the store a location names, resolving other schemes through <see cref="ObjectStoreProviderRegistry.Default"/>.</summary>
    /// <param name="location">A path, <c>file://</c> URI, <c>memory://</c> URI or a registered provider's URI.</param>
    /// <param name="loggerFactory">Logging for backends that log.</param>
    /// <param name="timeProvider">Clock for lease expiry (local directories; named memory stores use the system clock).</param>
    /// <exception cref="InvalidObjectStoreUriException">The location cannot be parsed.</exception>
    /// <exception cref="OmniGraphException">Code <c>store_unavailable</c>: The store cannot be opened.</exception>
    public static IObjectStore Open(string location, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null) =>
        Open(location, ObjectStoreProviderRegistry.Default, loggerFactory, timeProvider);

    /// <summary>Opens the store a location names, resolving other schemes through <paramref name="providers"/>.</summary>
    /// <exception cref="InvalidObjectStoreUriException">The location cannot be parsed.</exception>
    /// <exception cref="OmniGraphException">Code <c>store_unavailable</c>: The store cannot be opened.</exception>
    public static IObjectStore Open(string location, ObjectStoreProviderRegistry providers, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        var parsed = Parse(location, providers);
        return parsed.Kind switch
        {
            ObjectStoreKind.LocalDirectory => new LocalDirectoryObjectStore(
                new LocalObjectStoreOptions { RootPath = parsed.Address },
                loggerFactory?.CreateLogger<LocalDirectoryObjectStore>(),
                timeProvider),
            ObjectStoreKind.Memory => NamedMemoryObjectStores.GetOrCreate(parsed.Address),
            _ => RequireProvider(location, parsed.Scheme!, providers).Open(parsed, loggerFactory, timeProvider),
        };
    }

    private static ObjectStoreLocation ParseProviderUri(string location, string scheme, ObjectStoreProviderRegistry providers)
    {
        var parsed = RequireProvider(location, scheme, providers).Parse(location);
        if (parsed.Kind != ObjectStoreKind.Provider || !string.Equals(parsed.Scheme, scheme, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the object-store provider of '{scheme}' parsed '{location}' as {parsed.Kind} '{parsed.Scheme}'; a provider returns ObjectStoreLocation.ForProvider(\"{scheme}\", ...)");
        }

        return parsed;
    }

    private static IObjectStoreProvider RequireProvider(string location, string scheme, ObjectStoreProviderRegistry providers)
    {
        if (providers.Find(scheme) is { } provider)
        {
            return provider;
        }

        if (s_knownProviders.TryGetValue(scheme, out var missing))
        {
            throw new InvalidObjectStoreUriException(location, $"the scheme '{scheme}' needs {missing}, which is not registered in this process");
        }

        var registered = providers.Schemes.Count == 0 ? string.Empty : ", " + string.Join(", ", providers.Schemes.Select(static s => s + "://"));
        throw new InvalidObjectStoreUriException(location, $"unknown scheme '{scheme}' (supported: a local path, file:///path, memory://name{registered})");
    }

    private static ObjectStoreLocation ParseFileUri(string location)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || !uri.IsFile)
        {
            throw new InvalidObjectStoreUriException(location, "not a valid file URI (expected file:///absolute/path)");
        }

        if (!string.IsNullOrEmpty(uri.Host) && !string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidObjectStoreUriException(location, $"a file URI names a local absolute path (file:///path); '{uri.Host}' is read as a host");
        }

        // LocalPath would render file://localhost/x as a UNC-style path; the decoded absolute path is what we mean.
        return new ObjectStoreLocation(ObjectStoreKind.LocalDirectory, Path.GetFullPath(Uri.UnescapeDataString(uri.AbsolutePath)));
    }

    private static ObjectStoreLocation ParseMemoryUri(string location, string name)
    {
        try
        {
            NamedMemoryObjectStores.ValidateName(name);
        }
        catch (InvalidObjectStoreUriException exception)
        {
            throw new InvalidObjectStoreUriException(location, exception.Message);
        }

        return new ObjectStoreLocation(ObjectStoreKind.Memory, name);
    }
}
