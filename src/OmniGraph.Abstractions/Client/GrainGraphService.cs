using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>The <see cref="IGraphService"/> of a graph reached through its grains (<see cref="IGraphClient"/>).</summary>
/// <param name="client">The graph's client.</param>
/// <param name="uri">How outputs name the graph (<c>uri</c> of branch outputs): its location; the graph id when not given.</param>
public sealed class GrainGraphService(IGraphClient client, string? uri = null) : IGraphService
{
    private readonly IGraphClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly string _uri = uri ?? client.GraphId;

    /// <inheritdoc />
    public string GraphId => _client.GraphId;

    /// <inheritdoc />
    public Task<QueryResult> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _client.QueryAsync(request.Source, request.QueryName, request.ParametersJson, request.Target, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ChangeOutput> MutateAsync(MutationRequest request, CancellationToken cancellationToken = default) =>
        _client.MutateAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<LoadOutput> LoadAsync(Stream data, GraphLoadMode mode, string branch = BranchNames.Main, GraphLoadOptions? options = null, CancellationToken cancellationToken = default) =>
        _client.LoadAsync(data, mode, branch, options, cancellationToken);

    /// <inheritdoc />
    public Task ExportAsync(Stream destination, ExportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _client.ExportAsync(destination, request.Branch, request.TypeNames, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SnapshotOutput> GetSnapshotAsync(string branch = BranchNames.Main, CancellationToken cancellationToken = default) =>
        _client.GetSnapshotAsync(branch, cancellationToken);

    /// <inheritdoc />
    public Task<CommitListOutput> ListCommitsAsync(string branch = BranchNames.Main, CancellationToken cancellationToken = default) =>
        _client.ListCommitsAsync(branch, cancellationToken: cancellationToken);

    /// <inheritdoc />
    public Task<CommitOutput> GetCommitAsync(string commitId, CancellationToken cancellationToken = default) =>
        _client.GetCommitAsync(commitId, cancellationToken);

    /// <inheritdoc />
    public Task<SchemaOutput> GetSchemaAsync(string branch = BranchNames.Main, CancellationToken cancellationToken = default) =>
        _client.GetSchemaAsync(branch, cancellationToken);

    /// <inheritdoc />
    public async Task<ImmutableArray<string>> ListBranchesAsync(CancellationToken cancellationToken = default)
    {
        var branches = await _client.ListBranchesAsync(cancellationToken).ConfigureAwait(false);
        return [.. branches.Select(static b => b.Name).Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public Task<ChangeSetOutput> DiffAsync(GraphDiffRequest request, CancellationToken cancellationToken = default) =>
        _client.DiffAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<CommitChangesOutput> GetCommitChangesAsync(CommitChangesRequest request, CancellationToken cancellationToken = default) =>
        _client.GetCommitChangesAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<ChangeFeedOutput> PollChangesAsync(ChangeFeedRequest request, CancellationToken cancellationToken = default) =>
        _client.PollChangesAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<ChangeBaselineRecord> WriteBaselineAsync(Stream destination, ChangeBaselineRequest request, CancellationToken cancellationToken = default) =>
        _client.WriteBaselineAsync(destination, request, cancellationToken);

    /// <inheritdoc />
    public async Task<BranchCreateOutput> CreateBranchAsync(string name, string? from = null, CancellationToken cancellationToken = default) =>
        BranchCreateOutput.Of(_uri, from ?? BranchNames.Main, await _client.CreateBranchAsync(name, from, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<BranchDeleteOutput> DeleteBranchAsync(string name, CancellationToken cancellationToken = default) =>
        BranchDeleteOutput.Of(_uri, await _client.DeleteBranchAsync(name, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public Task<BranchMergeResult> MergeBranchAsync(BranchMergeRequest request, CancellationToken cancellationToken = default) =>
        _client.MergeBranchAsync(request, cancellationToken);
}
