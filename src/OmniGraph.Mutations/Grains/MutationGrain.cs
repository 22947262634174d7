using OmniGraph.Abstractions;
using OmniGraph.Mutations.Execution;
using Orleans.Concurrency;

namespace OmniGraph.Mutations.Grains;

/// <summary>The stateless mutation surface of a graph (key: the graph id); see <see cref="MutationExecutor"/>.</summary>
/// <remarks>
/// One reentrant activation per graph and silo (<c>[StatelessWorker(1)]</c>, <c>[Reentrant]</c>): calls interleave at
/// their awaits (the grain keeps no per-call state), so concurrent mutations reach the write path together and share
/// rounds of flushes (group commit). Not a pool: Orleans hands a call's cancellation to an idle worker
/// of a pool, never to the busy one running the call, so a Ctrl-C would not reach it; with one worker it does.
/// </remarks>
[StatelessWorker(1)]
[Reentrant]
internal sealed class MutationGrain(MutationExecutor executor) : Grain, IMutationGrain
{
    /// <inheritdoc />
    public Task<ChangeOutput> MutateAsync(MutationRequest request, CancellationToken cancellationToken = default) =>
        executor.MutateAsync(this.GetPrimaryKeyString(), request, cancellationToken);
}
