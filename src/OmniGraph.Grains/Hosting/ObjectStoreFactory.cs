using Microsoft.Extensions.Logging;

namespace OmniGraph.Grains.Hosting;

/// <summary>Opens stores with <see cref="ObjectStoreUri.Open(string, ILoggerFactory?, TimeProvider?)"/> (every scheme registered in <see cref="ObjectStoreProviderRegistry.Default"/>, e.g. <c>az://</c>): local directories (created when missing) and named memory stores.</summary>
public sealed class ObjectStoreFactory(ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null) : IObjectStoreFactory
{
    /// <inheritdoc />
    public IObjectStore Open(string location) => ObjectStoreUri.Open(location, loggerFactory, timeProvider);
}
