using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>
/// The <see cref="IGraphClient"/> of one graph: grain calls, nothing else. Each call hands its cancellation token to the
/// grain, so cancelling stops the work itself, not only the wait for it.
/// </summary>
public sealed class GraphClient : IGraphClient
{
    /// <summary>Creates the client of <paramref name="graphId"/>.</summary>
    public GraphClient(IGrainFactory grains, string graphId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        GraphGrainKeys.ValidateGraphId(graphId);
        Grains = grains;
        GraphId = graphId;
        Manifest = grains.GetGrain<IManifestGrain>(graphId);
    }

    /// <inheritdoc />
    public string GraphId { get; }

    /// <inheritdoc />
    public IGrainFactory Grains { get; }

    /// <inheritdoc />
    public IManifestGrain Manifest { get; }

    /// <inheritdoc />
    public async Task<CommitOutput> InitializeAsync(string schemaSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schemaSource);
        return (await Manifest.InitializeAsync(new GraphInitRequest(schemaSource), cancellationToken)).ToOutput();
    }

    /// <inheritdoc />
    public Task<GraphSnapshot> ResolveSnapshotAsync(SnapshotTarget target, CancellationToken cancellationToken = default) =>
        Manifest.ResolveSnapshotAsync(target, cancellationToken);

    /// <inheritdoc />
    public async Task<SnapshotOutput> GetSnapshotAsync(string branch = BranchNames.Main, CancellationToken cancellationToken = default)
    {
        var snapshot = await Manifest.ResolveSnapshotAsync(SnapshotTarget.Head(branch), cancellationToken);
        return snapshot.ToOutput(await Manifest.GetStorageVersionAsync(cancellationToken));
    }

    /// <inheritdoc />
    public async Task<CommitListOutput> ListCommitsAsync(string branch = BranchNames.Main, int limit = int.MaxValue, CancellationToken cancellationToken = default)
    {
        var commits = await Manifest.ListCommitsAsync(branch, limit, cancellationToken);
        return new CommitListOutput([.. commits.Select(static c => c.ToOutput())]);
    }

    /// <inheritdoc />
    public async Task<CommitOutput> GetCommitAsync(string commitId, CancellationToken cancellationToken = default) =>
        (await Manifest.GetCommitAsync(commitId, cancellationToken)).ToOutput();

    /// <inheritdoc />
    public async Task<SchemaOutput> GetSchemaAsync(string branch = BranchNames.Main, CancellationToken cancellationToken = default)
    {
        var snapshot = await Manifest.ResolveSnapshotAsync(SnapshotTarget.Head(branch), cancellationToken);
        return await Manifest.GetSchemaAsync(snapshot.SchemaHash, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<BranchInfo>> ListBranchesAsync(CancellationToken cancellationToken = default) =>
        Manifest.ListBranchesAsync(cancellationToken);

    /// <inheritdoc />
    public Task<GraphWriteResult> WriteAsync(GraphWriteRequest request, CancellationToken cancellationToken = default) =>
        Grains.GetGrain<IGraphWriterGrain>(GraphId).WriteAsync(request, cancellationToken);

    /// <inheritdoc />
    public ITableBranchGrain GetTable(string table, string branch = BranchNames.Main) =>
        Grains.GetGrain<ITableBranchGrain>(GraphGrainKeys.TableBranch(GraphId, table, branch));
}
