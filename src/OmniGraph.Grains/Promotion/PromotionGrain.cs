using Orleans.Concurrency;

namespace OmniGraph.Grains.Promotion;

/// <summary>The stateless promotion surface of a graph (key: the graph id); see <see cref="PromotionCoordinator"/>.</summary>
[StatelessWorker(1)]
[Reentrant]
internal sealed class PromotionGrain(PromotionCoordinator coordinator) : Grain, IPromotionGrain
{
    /// <inheritdoc />
    public Task<PromotionPreview> PreviewAsync(string source, string target, CancellationToken cancellationToken = default) =>
        coordinator.PreviewAsync(this.GetPrimaryKeyString(), source, target, cancellationToken);

    /// <inheritdoc />
    public Task<PromotionResult> PromoteAsync(PromotionRequest request, CancellationToken cancellationToken = default) =>
        coordinator.PromoteAsync(this.GetPrimaryKeyString(), request, cancellationToken);

    /// <inheritdoc />
    public Task<PromotionRevertResult> RevertAsync(PromotionRevertRequest request, CancellationToken cancellationToken = default) =>
        coordinator.RevertAsync(this.GetPrimaryKeyString(), request, cancellationToken);
}
