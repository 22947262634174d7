using System.Text.Json;
using Microsoft.Extensions.Options;
using OmniGraph.Persistence;
using Orleans.Configuration;
using Orleans.Storage;

namespace OmniGraph.Grains.Hosting;

/// <summary>
/// The grain storage of <see cref="GraphRegistryGrain"/>: the store at <see cref="OmniGraphOptions.RegistryLocation"/>,
/// opened on first use, through that store's provider (<see cref="StoreGrainStorages"/>), so a registry on the blob
/// store is kept by Orleans' Azure Blob grain storage like every other state there.
/// </summary>
internal sealed class RegistryGrainStorage : IGrainStorage
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly string _name;
    private readonly Lazy<IGrainStorage> _inner;

    public RegistryGrainStorage(
        string name, IObjectStoreFactory stores, IOptions<OmniGraphOptions> options, IOptions<ClusterOptions> cluster, StoreGrainStorages storages)
    {
        _name = name;
        _inner = new Lazy<IGrainStorage>(() =>
            storages.For(_name, stores.Open(options.Value.RegistryLocation ?? RegistryLocations.DefaultFor(cluster.Value)), string.Empty, s_json));
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => _inner.Value.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => _inner.Value.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => _inner.Value.ClearStateAsync(stateName, grainId, grainState);
}
