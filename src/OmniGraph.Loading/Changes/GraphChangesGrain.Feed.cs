using System.Collections.Immutable;
using OmniGraph.Abstractions;

namespace OmniGraph.Loading.Changes;

internal sealed partial class GraphChangesGrain
{
    private const string StartNow = "now";
    private const string StartBeginning = "beginning";
    private const string StartAfter = "after:";

    /// <inheritdoc />
    public async Task<ChangeFeedOutput> PollAsync(ChangeFeedRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckLimit(request.Limit);
        if (request.MaxCommits < 1 || request.MaxCommits > ChangeLimits.MaxPollCommits)
        {
            throw EngineErrors.InvalidChangeRequest("max_commits", $"{request.MaxCommits} is not a number of commits per poll (1 to {ChangeLimits.MaxPollCommits})");
        }

        if (new[] { request.Cursor, request.Start, request.PageToken }.Count(static s => s is not null) > 1)
        {
            throw EngineErrors.InvalidChangeRequest("cursor", "give at most one of cursor, start and page token");
        }

        var branch = (request.Branch ?? string.Empty).Trim();
        if (branch.Length == 0)
        {
            throw EngineErrors.InvalidChangeRequest("branch", "the branch name is empty");
        }

        var head = await Manifest.ResolveSnapshotAsync(SnapshotTarget.Head(branch), cancellationToken);
        var feed = new Feed(branch, head.BranchIncarnation, await GenesisAsync(cancellationToken), request.Filter.Digest());
        long next;
        long end;
        long cut;
        var position = ChangePosition.Start;
        if (request.PageToken is { } pageToken)
        {
            var token = feed.Check(ChangeTokens.Decode(pageToken, ChangeTokenKinds.FeedPage, feed.Genesis, feed.Filter));
            await RequireCommitAtAsync(feed, token.Version, token.Commit, cancellationToken);
            (next, end, cut) = (token.Version, token.End, token.Cut);
            position = new ChangePosition(token.Table, token.After);
        }
        else
        {
            var last = request.Cursor is { } cursorText
                ? await CursorPositionAsync(feed, cursorText, cancellationToken)
                : await StartPositionAsync(branch, request.Start ?? StartNow, head, cancellationToken);
            cut = head.ManifestVersion;
            next = last + 1;
            end = Math.Min(cut, last + request.MaxCommits);
        }

        var blocks = ImmutableArray.CreateBuilder<ChangeBlockOutput>();
        var sink = new ImageChangeSink(request.Limit, ChangeLimits.PageByteTarget);
        for (; next <= end; next++)
        {
            if (sink.Remaining == 0)
            {
                return new ChangeFeedOutput(blocks.ToImmutable(), null, feed.PageToken(await CommitAtAsync(feed, next, cancellationToken), next, end, cut, ChangePosition.Start), null);
            }

            var to = await SnapshotAtAsync(feed, next, cancellationToken);
            var from = await SnapshotAtAsync(feed, next - 1, cancellationToken);
            var rest = await (await ReaderAsync(from, to)).ReadAsync(from, to, request.Filter, position, sink, cancellationToken);
            blocks.Add(new ChangeBlockOutput(ChangeCauseOutput.From(to.Commit), sink.Take()));
            if (rest is not null)
            {
                // The page ended inside this commit: no durable cursor, only the rest of the poll.
                return new ChangeFeedOutput(blocks.ToImmutable(), null, feed.PageToken(to.Commit.Id, next, end, cut, rest), null);
            }

            position = ChangePosition.Start;
        }

        var cursorCommit = await CommitAtAsync(feed, end, cancellationToken);
        return new ChangeFeedOutput(blocks.ToImmutable(), feed.Cursor(cursorCommit, end), null, end >= cut);
    }

    /// <inheritdoc />
    public async Task<ChangeBaselinePlan> BeginBaselineAsync(ChangeBaselineRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var branch = (request.Branch ?? string.Empty).Trim();
        if (branch.Length == 0)
        {
            throw EngineErrors.InvalidChangeRequest("branch", "the branch name is empty");
        }

        var head = await Manifest.ResolveSnapshotAsync(SnapshotTarget.Head(branch), cancellationToken);
        var feed = new Feed(branch, head.BranchIncarnation, await GenesisAsync(cancellationToken), request.Filter.Digest());
        var types = head.Tables.Where(t => request.Filter.AdmitsType(t.IsEdge, t.TypeName)).Select(static t => t.TypeName).ToImmutableArray();
        if (types.IsEmpty)
        {
            throw EngineErrors.InvalidChangeRequest("type", "the filter selects no type of the graph");
        }

        var export = new ExportRequest(branch, types.Length == head.Tables.Length ? [] : types) { CommitId = head.Commit.Id };
        return new ChangeBaselinePlan(export, new ChangeBaselineRecord(new ChangeBaselineOutput(head.Commit.Id, feed.Cursor(head.Commit.Id, head.ManifestVersion))));
    }

    /// <summary>The version after which a poll without a cursor starts.</summary>
    private async Task<long> StartPositionAsync(string branch, string start, GraphSnapshot head, CancellationToken cancellationToken)
    {
        if (string.Equals(start, StartNow, StringComparison.Ordinal))
        {
            return head.ManifestVersion;
        }

        if (string.Equals(start, StartBeginning, StringComparison.Ordinal))
        {
            // Version 1 is the genesis commit, which has no parent and no changes.
            return 1;
        }

        if (!start.StartsWith(StartAfter, StringComparison.Ordinal))
        {
            throw EngineErrors.InvalidChangeRequest("start", $"'{ErrorText.Quote(start)}' is not a starting point (now, beginning or after:COMMIT)");
        }

        var commitId = start[StartAfter.Length..].Trim();
        if (!Ulid.TryParse(commitId, out _))
        {
            throw EngineErrors.InvalidChangeRequest("start", $"'{ErrorText.Quote(commitId)}' is not a commit id");
        }

        CommitInfo commit;
        try
        {
            commit = await Manifest.GetCommitAsync(commitId, cancellationToken);
        }
        catch (OmniGraphException exception) when (exception.Code is ErrorCodes.CommitNotFound or ErrorCodes.StaleBranchIncarnation)
        {
            throw EngineErrors.InvalidChangeRequest("start", $"commit '{commitId}' is not a live commit: {exception.Message}");
        }

        if (commit.ManifestVersion > head.ManifestVersion || !await IsOnChainAsync(branch, commit, cancellationToken))
        {
            throw EngineErrors.InvalidChangeRequest("start", $"commit '{commit.Id}' is not on the first-parent history of branch '{branch}'");
        }

        return commit.ManifestVersion;
    }

    private async Task<bool> IsOnChainAsync(string branch, CommitInfo commit, CancellationToken cancellationToken)
    {
        try
        {
            var at = await Manifest.ResolveSnapshotAsync(SnapshotTarget.AtVersion(branch, commit.ManifestVersion), cancellationToken);
            return string.Equals(at.Commit.Id, commit.Id, StringComparison.Ordinal);
        }
        catch (OmniGraphException exception) when (exception.Code == ErrorCodes.SnapshotNotFound)
        {
            return false;
        }
    }

    /// <summary>The version a cursor delivered last, after checking that it still names the same commit.</summary>
    private async Task<long> CursorPositionAsync(Feed feed, string text, CancellationToken cancellationToken)
    {
        var cursor = feed.Check(ChangeTokens.Decode(text, ChangeTokenKinds.Cursor, feed.Genesis, feed.Filter));
        await RequireCommitAtAsync(feed, cursor.Version, cursor.Commit, cancellationToken);
        return cursor.Version;
    }

    private async Task RequireCommitAtAsync(Feed feed, long version, string commitId, CancellationToken cancellationToken)
    {
        var at = await CommitAtAsync(feed, version, cancellationToken);
        if (!string.Equals(at, commitId, StringComparison.Ordinal))
        {
            throw EngineErrors.HistoryReclaimed(feed.Branch, commitId, $"the branch no longer holds commit '{commitId}' where the cursor left it");
        }
    }

    private async Task<string> CommitAtAsync(Feed feed, long version, CancellationToken cancellationToken) =>
        (await SnapshotAtAsync(feed, version, cancellationToken)).Commit.Id;

    /// <summary>Version <paramref name="version"/> of the feed's branch: history that is gone is <c>history_reclaimed</c>.</summary>
    private async Task<GraphSnapshot> SnapshotAtAsync(Feed feed, long version, CancellationToken cancellationToken)
    {
        try
        {
            return await Manifest.ResolveSnapshotAsync(SnapshotTarget.AtVersion(feed.Branch, version), cancellationToken);
        }
        catch (OmniGraphException exception) when (exception.Code == ErrorCodes.SnapshotNotFound)
        {
            throw EngineErrors.HistoryReclaimed(feed.Branch, null, $"manifest version {version} of its history cannot be read: {exception.Message}");
        }
    }

    /// <summary>What every token of one feed binds: graph, branch, incarnation, filter.</summary>
    private sealed record Feed(string Branch, string Incarnation, string Genesis, string Filter)
    {
        /// <summary>Refuses a token of another branch or of an earlier incarnation of this one (ABA).</summary>
        public ChangeToken Check(ChangeToken token)
        {
            if (!string.Equals(token.Branch, Branch, StringComparison.Ordinal))
            {
                throw EngineErrors.ChangeCursorRejected($"it was issued for branch '{token.Branch}', not '{Branch}'");
            }

            if (!string.Equals(token.Incarnation, Incarnation, StringComparison.Ordinal))
            {
                throw EngineErrors.ChangeCursorRejected($"branch '{Branch}' was deleted and created again since it was issued: the new branch is another feed (take a baseline)");
            }

            return token;
        }

        public string Cursor(string commitId, long version) =>
            ChangeTokens.Encode(new ChangeToken(ChangeTokenKinds.Cursor, Genesis, Filter, Branch, Incarnation, commitId, version, 0, 0, null, null));

        public string PageToken(string commitId, long version, long end, long cut, ChangePosition position) =>
            ChangeTokens.Encode(new ChangeToken(ChangeTokenKinds.FeedPage, Genesis, Filter, Branch, Incarnation, commitId, version, end, cut, position.Table, position.After));
    }
}
