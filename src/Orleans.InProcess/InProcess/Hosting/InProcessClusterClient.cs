using Orleans.Runtime;

namespace Orleans.InProcess.Hosting;

/// <summary>The co-hosted <see cref="IClusterClient"/> and <see cref="IGrainFactory"/> of the in-process silo.</summary>
internal sealed class InProcessClusterClient : IClusterClient
{
    private readonly InProcessRuntime _runtime;

    public InProcessClusterClient(InProcessRuntime runtime)
    {
        _runtime = runtime;
    }

    public IServiceProvider ServiceProvider => _runtime.Services;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        return Create<TGrainInterface>(primaryKey, grainClassNamePrefix);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey
        => Create<TGrainInterface>(GrainExtensions.EncodeKey(primaryKey), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey
        => Create<TGrainInterface>(GrainExtensions.EncodeKey(primaryKey), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey
    {
        ArgumentNullException.ThrowIfNull(keyExtension);
        return Create<TGrainInterface>(GrainExtensions.EncodeKey(primaryKey, keyExtension), grainClassNamePrefix);
    }

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey
    {
        ArgumentNullException.ThrowIfNull(keyExtension);
        return Create<TGrainInterface>(GrainExtensions.EncodeKey(primaryKey, keyExtension), grainClassNamePrefix);
    }

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable
        => (TGrainInterface)(object)_runtime.GetBinding(typeof(TGrainInterface), grainId.Type).CreateReference(grainId);

    public IAddressable GetGrain(GrainId grainId)
        => _runtime.CreateUntypedReference(grainId, _runtime.Registry.ResolveByGrainType(grainId.Type));

    private TGrainInterface Create<TGrainInterface>(string key, string? grainClassNamePrefix)
        => (TGrainInterface)(object)_runtime.GetBinding(typeof(TGrainInterface), grainClassNamePrefix).CreateReference(IdSpan.Create(key));
}
