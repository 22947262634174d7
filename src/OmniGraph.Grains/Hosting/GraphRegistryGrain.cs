using Orleans.Storage;

namespace OmniGraph.Grains.Hosting;

/// <summary>
/// The cluster's registry of graphs added at run time (<see cref="IGraphRegistryGrain"/>), persisted in the store at
/// <see cref="OmniGraphOptions.RegistryLocation"/> with a compare-and-swap per change.
/// </summary>
internal sealed class GraphRegistryGrain(
    [PersistentState("graphs", GraphRegistryGrain.StorageName)] IPersistentState<GraphRegistryState> state) : Grain, IGraphRegistryGrain
{
    /// <summary>The grain storage provider of the registry.</summary>
    public const string StorageName = "omnigraph-registry";

    /// <summary>Writes a registry whose stored object changed under this activation may retry (re-read, re-check).</summary>
    private const int MaxWriteAttempts = 3;

    /// <inheritdoc />
    public async Task RegisterAsync(string graphId, string location, CancellationToken cancellationToken = default)
    {
        GraphGrainKeys.ValidateGraphId(graphId);
        ObjectStoreUri.Parse(location);
        for (var attempt = 1; ; attempt++)
        {
            if (state.State.Graphs.TryGetValue(graphId, out var existing))
            {
                if (existing == location)
                {
                    return;
                }

                throw new OmniGraphException(
                    ErrorCodes.GraphAlreadyRegistered,
                    $"graph '{graphId}' is registered at '{ErrorText.Quote(existing)}', not '{ErrorText.Quote(location)}'; a graph's location never changes",
                    ErrorDetails.Of(ErrorDetail.GraphId.With(graphId), ErrorDetail.Location.With(existing)));
            }

            state.State.Graphs[graphId] = location;
            try
            {
                await state.WriteStateAsync(cancellationToken);
                return;
            }
            catch (InconsistentStateException) when (attempt < MaxWriteAttempts)
            {
                // Another writer (a second activation during a silo change, or silos sharing this registry location)
                // changed the stored registry: take its graphs and decide again, so neither registration is lost.
                await state.ReadStateAsync(cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public Task<string?> FindAsync(string graphId, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Graphs.GetValueOrDefault(graphId));

    /// <inheritdoc />
    public Task<ImmutableSortedDictionary<string, string>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Graphs.ToImmutableSortedDictionary(StringComparer.Ordinal));
}
