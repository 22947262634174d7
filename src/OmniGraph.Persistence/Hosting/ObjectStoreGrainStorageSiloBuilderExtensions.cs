using Microsoft.Extensions.Options;
using OmniGraph.Persistence;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ObjectStoreGrainStorage"/> providers on a silo (same shape as <c>AddAzureBlobGrainStorage</c>).</summary>
public static class ObjectStoreGrainStorageSiloBuilderExtensions
{
    /// <summary>Registers the grain storage provider used by states that name no provider ("Default").</summary>
    public static ISiloBuilder AddObjectStoreGrainStorageAsDefault(this ISiloBuilder builder, Action<ObjectStoreGrainStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddObjectStoreGrainStorageAsDefault(configureOptions);
        return builder;
    }

    /// <summary>Registers grain storage provider <paramref name="name"/> (what <c>[PersistentState(stateName, name)]</c> uses).</summary>
    public static ISiloBuilder AddObjectStoreGrainStorage(this ISiloBuilder builder, string name, Action<ObjectStoreGrainStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddObjectStoreGrainStorage(name, configureOptions);
        return builder;
    }

    /// <summary>Registers the "Default" grain storage provider, configuring its options through an <see cref="OptionsBuilder{TOptions}"/>.</summary>
    public static ISiloBuilder AddObjectStoreGrainStorageAsDefault(this ISiloBuilder builder, Action<OptionsBuilder<ObjectStoreGrainStorageOptions>>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddObjectStoreGrainStorageAsDefault(configureOptions);
        return builder;
    }

    /// <summary>Registers grain storage provider <paramref name="name"/>, configuring its options through an <see cref="OptionsBuilder{TOptions}"/>.</summary>
    public static ISiloBuilder AddObjectStoreGrainStorage(this ISiloBuilder builder, string name, Action<OptionsBuilder<ObjectStoreGrainStorageOptions>>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddObjectStoreGrainStorage(name, configureOptions);
        return builder;
    }
}
