using Microsoft.Extensions.Logging;

namespace OmniGraph.Storage;

/// <summary>
/// Opens a store from a location string, as the CLI and configuration give it: a local path (relative paths
/// resolve against the current directory), a <c>file:///absolute/path</c> URI, or <c>memory://name</c> for a
/// process-wide named memory store. Other schemes are refused with <see cref="InvalidObjectStoreUriException"/>;
/// the Azure Blob backend adds <c>az://</c> as one more <see cref="ObjectStoreKind"/>.
/// </summary>
public static class ObjectStoreUri
{
    private const string SchemeSeparator = "://";

    /// <summary>Parses a location without touching any storage.</summary>
    /// <exception cref="InvalidObjectStoreUriException">The location is empty, malformed, or uses an unknown scheme.</exception>
    public static ObjectStoreLocation Parse(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
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
            _ => throw new InvalidObjectStoreUriException(location, $"unknown scheme '{scheme}' (supported: a local path, file:///path, memory://name)"),
        };
    }

    /// <summary>Opens the store a location names.</summary>
    /// <param name="location">A path, <c>file://</c> URI or <c>memory://</c> URI.</param>
    /// <param name="loggerFactory">Logging for backends that log.</param>
    /// <param name="timeProvider">Clock for lease expiry (local directories; named memory stores use the system clock).</param>
    /// <exception cref="InvalidObjectStoreUriException">The location cannot be parsed.</exception>
    /// <exception cref="OmniGraphException">Code <c>store_unavailable</c>: The store cannot be opened.</exception>
    public static IObjectStore Open(string location, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        var parsed = Parse(location);
        return parsed.Kind switch
        {
            ObjectStoreKind.LocalDirectory => new LocalDirectoryObjectStore(
                new LocalObjectStoreOptions { RootPath = parsed.Address },
                loggerFactory?.CreateLogger<LocalDirectoryObjectStore>(),
                timeProvider),
            _ => NamedMemoryObjectStores.GetOrCreate(parsed.Address),
        };
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
