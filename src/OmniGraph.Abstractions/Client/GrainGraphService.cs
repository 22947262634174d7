using System.Collections.Immutable;

namespace OmniGraph.Engine;

/// <summary>The <see cref="IGraphService"/> of a graph reached through its grains (<see cref="IGraphClient"/>).</summary>
public sealed class GrainGraphService(IGraphClient client) : IGraphService
{
    private readonly IGraphClient _client = client ?? throw new ArgumentNullException(nameof(client));

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
}
