using Microsoft.Extensions.Logging;

namespace OmniGraph.Storage;

/// <summary>
/// Opens stores for one location scheme that this assembly does not know (for example <c>az://</c> from
/// OmniGraph.Storage.Azure). Registered in an <see cref="ObjectStoreProviderRegistry"/>, it lets
/// <see cref="ObjectStoreUri"/> parse and open that scheme while the storage core stays free of any backend's
/// packages.
/// </summary>
public interface IObjectStoreProvider
{
    /// <summary>The scheme it handles, lower case, without <c>://</c> (for example <c>az</c>).</summary>
    string Scheme { get; }

    /// <summary>
    /// Checks a location of this scheme and returns its canonical form
    /// (<see cref="ObjectStoreLocation.ForProvider"/>) without touching any storage.
    /// </summary>
    /// <param name="location">The whole location, starting with <c>scheme://</c> (the scheme in any case).</param>
    /// <exception cref="InvalidObjectStoreUriException">The location is malformed.</exception>
    ObjectStoreLocation Parse(string location);

    /// <summary>Opens the store a location returned by <see cref="Parse"/> names.</summary>
    /// <param name="location">A location this provider parsed.</param>
    /// <param name="loggerFactory">Logging for the store, when the caller has one.</param>
    /// <param name="timeProvider">The caller's clock, for backends that keep time themselves.</param>
    /// <exception cref="OmniGraphException">Code <c>store_unavailable</c>: The store cannot be opened (for example no account is configured).</exception>
    IObjectStore Open(ObjectStoreLocation location, ILoggerFactory? loggerFactory, TimeProvider? timeProvider);
}
