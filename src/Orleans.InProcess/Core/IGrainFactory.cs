using Orleans.Runtime;

namespace Orleans;

/// <summary>
/// Creates grain references. Getting a reference never activates a grain; the first call does. Available in grains
/// as <see cref="Grain.GrainFactory"/> and everywhere through dependency injection.
/// </summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain with a <see cref="Guid"/> key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey;

    /// <summary>A reference to the grain with a <see cref="long"/> key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey;

    /// <summary>A reference to the grain with a <see cref="string"/> key.</summary>
    /// <param name="primaryKey">The key.</param>
    /// <param name="grainClassNamePrefix">When several classes implement the interface, a prefix of the full name of the one to use.</param>
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>A reference to the grain with a <see cref="Guid"/> key and a key extension.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey;

    /// <summary>A reference to the grain with a <see cref="long"/> key and a key extension.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey;

    /// <summary>A typed reference to the grain with identity <paramref name="grainId"/>.</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable;

    /// <summary>An untyped reference to the grain with identity <paramref name="grainId"/>; cast it with <see cref="GrainExtensions.AsReference{TGrainInterface}"/>.</summary>
    IAddressable GetGrain(GrainId grainId);
}
