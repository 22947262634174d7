using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OmniGraph.Persistence;

/// <summary>Creates the <see cref="ObjectStoreGrainStorage"/> provider registered under a name.</summary>
public static class ObjectStoreGrainStorageFactory
{
    /// <summary>Creates provider <paramref name="name"/> with its named options.</summary>
    public static ObjectStoreGrainStorage Create(IServiceProvider services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptionsMonitor<ObjectStoreGrainStorageOptions>>().Get(name);
        return ActivatorUtilities.CreateInstance<ObjectStoreGrainStorage>(services, name, options);
    }
}
