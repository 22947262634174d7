using OmniGraph.Engine;
using OmniGraph.Mutations.Execution;
using Orleans.Concurrency;

namespace OmniGraph.Mutations.Grains;

/// <summary>The stateless mutation surface of a graph (a pool of workers per silo, key: the graph id); see <see cref="MutationExecutor"/>.</summary>
[StatelessWorker]
internal sealed class MutationGrain(MutationExecutor executor) : Grain, IMutationGrain
{
    /// <inheritdoc />
    public Task<ChangeOutput> MutateAsync(MutationRequest request, CancellationToken cancellationToken = default) =>
        executor.MutateAsync(this.GetPrimaryKeyString(), request, cancellationToken);
}
