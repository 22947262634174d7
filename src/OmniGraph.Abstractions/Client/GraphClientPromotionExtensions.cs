namespace OmniGraph.Abstractions;

/// <summary>Promotions on an <see cref="IGraphClient"/> (docs/branches.md, "Protected branches and promotion"), as calls to <see cref="IPromotionGrain"/>.</summary>
public static class GraphClientPromotionExtensions
{
    /// <summary>What promoting <paramref name="source"/> into <paramref name="target"/> would apply now, and its digest.</summary>
    /// <exception cref="OmniGraphException">See <see cref="IPromotionGrain.PreviewAsync"/>.</exception>
    public static Task<PromotionPreview> PreviewPromotionAsync(this IGraphClient client, string source, string target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Grains.GetGrain<IPromotionGrain>(client.GraphId).PreviewAsync(source, target, cancellationToken);
    }

    /// <summary>Applies the previewed change <see cref="PromotionRequest.Digest"/> names as one commit on the target.</summary>
    /// <exception cref="OmniGraphException">See <see cref="IPromotionGrain.PromoteAsync"/>.</exception>
    public static Task<PromotionResult> PromoteAsync(this IGraphClient client, PromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return client.Grains.GetGrain<IPromotionGrain>(client.GraphId).PromoteAsync(request, cancellationToken);
    }

    /// <summary>Reverts a promotion within the revert window.</summary>
    /// <exception cref="OmniGraphException">See <see cref="IPromotionGrain.RevertAsync"/>.</exception>
    public static Task<PromotionRevertResult> RevertPromotionAsync(this IGraphClient client, PromotionRevertRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return client.Grains.GetGrain<IPromotionGrain>(client.GraphId).RevertAsync(request, cancellationToken);
    }
}
