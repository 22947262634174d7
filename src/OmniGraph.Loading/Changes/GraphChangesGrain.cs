using Orleans.Concurrency;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Hosting;
using OmniGraph.Grains.Schema;
using OmniGraph.Schema;

namespace OmniGraph.Loading.Changes;

/// <summary>
/// Diffs, per-commit changes, the change feed and baselines (see <see cref="IGraphChangesGrain"/>). Stateless: it
/// resolves snapshots through the manifest grain and reads each changed table's rows from its table grain; cursors and
/// page tokens carry their whole position (<see cref="ChangeTokens"/>).
/// </summary>
[StatelessWorker]
internal sealed partial class GraphChangesGrain(IGraphDirectory directory, SchemaCatalogCache schemas) : Grain, IGraphChangesGrain
{
    private string? _genesis;

    private string GraphId => this.GetPrimaryKeyString();

    private IManifestGrain Manifest => GrainFactory.GetGrain<IManifestGrain>(GraphId);

    /// <inheritdoc />
    public async Task<ChangeSetOutput> DiffAsync(GraphDiffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var from = await ResolveTargetAsync(request.From, "from", cancellationToken);
        var to = await ResolveTargetAsync(request.To, "to", cancellationToken);
        var sink = new NetChangeSink();
        await (await ReaderAsync(from, to, byTableKey: true)).ReadAsync(from, to, request.Filter, ChangePosition.Start, sink, cancellationToken);
        return new ChangeSetOutput(
            from.Commit.Id,
            to.Commit.Id,
            from.ManifestVersion,
            to.ManifestVersion,
            string.Equals(to.Branch, BranchNames.Main, StringComparison.Ordinal) ? null : to.Branch,
            sink.Changes.ToImmutable(),
            sink.Stats);
    }

    /// <inheritdoc />
    public async Task<CommitChangesOutput> GetCommitChangesAsync(CommitChangesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckLimit(request.Limit);
        var commit = await Manifest.GetCommitAsync(request.CommitId, cancellationToken);
        var genesis = await GenesisAsync(cancellationToken);
        var digest = request.Filter.Digest();
        var position = ChangePosition.Start;
        if (request.PageToken is { } text)
        {
            var token = ChangeTokens.Decode(text, ChangeTokenKinds.CommitPage, genesis, digest);
            if (!string.Equals(token.Commit, commit.Id, StringComparison.Ordinal))
            {
                throw EngineErrors.ChangeCursorRejected($"it continues the changes of commit '{token.Commit}', not of '{commit.Id}'");
            }

            position = new ChangePosition(token.Table, token.After);
        }

        var parentId = commit.ParentId ?? throw EngineErrors.ParentlessCommit(commit.Id);
        var to = await Manifest.ResolveSnapshotAsync(SnapshotTarget.AtCommit(commit.Id), cancellationToken);
        var from = await Manifest.ResolveSnapshotAsync(SnapshotTarget.AtCommit(parentId), cancellationToken);
        var sink = new ImageChangeSink(request.Limit, ChangeLimits.PageByteTarget);
        var next = await (await ReaderAsync(from, to)).ReadAsync(from, to, request.Filter, position, sink, cancellationToken);
        var nextToken = next is null
            ? null
            : ChangeTokens.Encode(new ChangeToken(ChangeTokenKinds.CommitPage, genesis, digest, null, null, commit.Id, commit.ManifestVersion, 0, 0, next.Table, next.After));
        return new CommitChangesOutput(ChangeCauseOutput.From(commit), sink.Take(), nextToken);
    }

    /// <summary>Resolves a diff side: a live branch's head, else a snapshot id (commit id, <c>vN</c>, <c>manifest:{branch}:v{N}</c>).</summary>
    private async Task<GraphSnapshot> ResolveTargetAsync(string target, string side, CancellationToken cancellationToken)
    {
        var text = (target ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw EngineErrors.InvalidChangeRequest(side, "a read target is needed (a branch, a commit id or a manifest version)");
        }

        var branches = await Manifest.ListBranchesAsync(cancellationToken);
        if (branches.Any(b => string.Equals(b.Name, text, StringComparison.Ordinal)))
        {
            return await Manifest.ResolveSnapshotAsync(SnapshotTarget.Head(text), cancellationToken);
        }

        if (!SnapshotIds.TryParse(text, out var snapshot, out var error))
        {
            throw EngineErrors.InvalidChangeRequest(side, error);
        }

        if (snapshot.Kind == SnapshotTargetKind.Commit && !Ulid.TryParse(text, out _))
        {
            throw EngineErrors.BranchNotFound(text);
        }

        return await Manifest.ResolveSnapshotAsync(snapshot, cancellationToken);
    }

    private async Task<ChangeReader> ReaderAsync(GraphSnapshot from, GraphSnapshot to, bool byTableKey = false)
    {
        var store = await directory.GetStoreAsync(GraphId);
        var fromSchema = await schemas.GetAsync(store, from.SchemaHash);
        SchemaCatalog toSchema = string.Equals(from.SchemaHash, to.SchemaHash, StringComparison.Ordinal) ? fromSchema : await schemas.GetAsync(store, to.SchemaHash);
        return new ChangeReader(GrainFactory, GraphId, fromSchema, toSchema, byTableKey);
    }

    /// <summary>The genesis commit id: what binds a token to this graph (another graph, even with the same id, has another).</summary>
    private async Task<string> GenesisAsync(CancellationToken cancellationToken) =>
        _genesis ??= (await Manifest.ResolveSnapshotAsync(SnapshotTarget.AtVersion(BranchNames.Main, 1), cancellationToken)).Commit.Id;

    /// <summary>A page limit between 1 and <see cref="ChangeLimits.MaxPageChanges"/>.</summary>
    private static void CheckLimit(int limit)
    {
        if (limit < 1)
        {
            throw EngineErrors.InvalidChangeRequest("limit", $"{limit} is not a page size (1 to {ChangeLimits.MaxPageChanges})");
        }

        if (limit > ChangeLimits.MaxPageChanges)
        {
            throw EngineErrors.ResourceLimitExceeded("change_page_changes", ChangeLimits.MaxPageChanges, limit);
        }
    }
}
