namespace OmniGraph.Abstractions;

/// <summary>
/// Branch control and merges on an <see cref="IGraphClient"/> (docs/branches.md), as grain calls to the manifest grain
/// and <see cref="IBranchMergeGrain"/>.
/// </summary>
public static class GraphClientBranchExtensions
{
    /// <summary>Creates branch <paramref name="name"/> at the head of branch <paramref name="from"/> (default main) or at commit <paramref name="from"/>.</summary>
    /// <exception cref="OmniGraphException">See <see cref="IManifestGrain.CreateBranchAsync"/>.</exception>
    public static Task<BranchInfo> CreateBranchAsync(this IGraphClient client, string name, string? from = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(name);
        return client.Manifest.CreateBranchAsync(name, from, cancellationToken);
    }

    /// <summary>Deletes branch <paramref name="name"/> and reclaims what only it referenced.</summary>
    /// <exception cref="OmniGraphException">See <see cref="IManifestGrain.DeleteBranchAsync"/>.</exception>
    public static Task<BranchDeletion> DeleteBranchAsync(this IGraphClient client, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(name);
        return client.Manifest.DeleteBranchAsync(name, cancellationToken);
    }

    /// <summary>
    /// Merges <see cref="BranchMergeRequest.Source"/> into <see cref="BranchMergeRequest.Target"/>. A conflicted merge
    /// returns its conflicts (<see cref="BranchMergeOutcome.Conflicted"/>; <see cref="BranchMergeResult.ThrowIfConflicted"/>
    /// turns it into the typed error).
    /// </summary>
    /// <exception cref="OmniGraphException">See <see cref="IBranchMergeGrain.MergeAsync"/>.</exception>
    public static Task<BranchMergeResult> MergeBranchAsync(this IGraphClient client, BranchMergeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return client.Grains.GetGrain<IBranchMergeGrain>(client.GraphId).MergeAsync(request, cancellationToken);
    }
}
