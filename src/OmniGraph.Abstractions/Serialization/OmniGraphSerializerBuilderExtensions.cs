using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Serializers;

namespace OmniGraph.Abstractions.Serialization;

/// <summary>Registers what OmniGraph needs of Orleans' serializer beyond the generated code.</summary>
public static class OmniGraphSerializerBuilderExtensions
{
    /// <summary>
    /// Adds the codec and copier of every <see cref="OmniGraphException"/> subclass (the Arrow codecs and the base error
    /// codec are registered by the code generator). Every process that calls or hosts OmniGraph grains needs it: the
    /// silos (<c>AddOmniGraph</c> calls it) and each client.
    /// </summary>
    public static ISerializerBuilder AddOmniGraphSerializers(this ISerializerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<OmniGraphExceptionCodec>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISpecializableCodec, OmniGraphExceptionCodec>(static sp => sp.GetRequiredService<OmniGraphExceptionCodec>()));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISpecializableCopier, OmniGraphExceptionCopier>());
        return builder;
    }

    /// <summary><see cref="AddOmniGraphSerializers"/> on a service collection (adds Orleans' serializer if it is not there yet).</summary>
    public static IServiceCollection AddOmniGraphSerialization(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSerializer(static serializer => serializer.AddOmniGraphSerializers());
    }
}
