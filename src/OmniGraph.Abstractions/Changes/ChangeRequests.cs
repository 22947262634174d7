namespace OmniGraph.Abstractions;

/// <summary>A page of a commit's changes: the first page, or the page a token names.</summary>
/// <param name="CommitId">The commit.</param>
/// <param name="Filter">Which changes.</param>
/// <param name="Limit">At most this many changes (1 to <see cref="ChangeLimits.MaxPageChanges"/>).</param>
/// <param name="PageToken">The previous page's <c>next_page_token</c>, or <c>null</c> for the first page.</param>
[GenerateSerializer]
[Immutable]
public sealed record CommitChangesRequest(
    [property: Id(0)] string CommitId,
    [property: Id(1)] ChangeFilter Filter,
    [property: Id(2)] int Limit = ChangeLimits.DefaultPageChanges,
    [property: Id(3)] string? PageToken = null);

/// <summary>
/// A poll of a branch's change feed: from a cursor, from a starting point (<c>now</c>, <c>beginning</c>,
/// <c>after:COMMIT</c>), or the rest of a poll (a page token); at most one of the three.
/// </summary>
/// <param name="Branch">The branch.</param>
/// <param name="Filter">Which changes.</param>
/// <param name="Cursor">A cursor from an earlier terminal page or a baseline.</param>
/// <param name="Start">Where to start without a cursor (default <c>now</c>).</param>
/// <param name="PageToken">The previous page's <c>next_page_token</c>.</param>
/// <param name="Limit">At most this many changes per page (1 to <see cref="ChangeLimits.MaxPageChanges"/>).</param>
/// <param name="MaxCommits">At most this many commits per poll (1 to <see cref="ChangeLimits.MaxPollCommits"/>).</param>
[GenerateSerializer]
[Immutable]
public sealed record ChangeFeedRequest(
    [property: Id(0)] string Branch,
    [property: Id(1)] ChangeFilter Filter,
    [property: Id(2)] string? Cursor = null,
    [property: Id(3)] string? Start = null,
    [property: Id(4)] string? PageToken = null,
    [property: Id(5)] int Limit = ChangeLimits.DefaultPageChanges,
    [property: Id(6)] int MaxCommits = ChangeLimits.DefaultPollCommits);

/// <summary>A net diff between two read targets, each a branch name, a commit id or a manifest version (<c>manifest:{branch}:v{N}</c>, <c>vN</c> of main).</summary>
/// <param name="From">The older side.</param>
/// <param name="To">The newer side.</param>
/// <param name="Filter">Which changes.</param>
[GenerateSerializer]
[Immutable]
public sealed record GraphDiffRequest(
    [property: Id(0)] string From,
    [property: Id(1)] string To,
    [property: Id(2)] ChangeFilter Filter);

/// <summary>A change baseline: the entities of a branch head and the cursor that continues the feed after it.</summary>
/// <param name="Branch">The branch.</param>
/// <param name="Filter">The feed filter the cursor is bound to (kinds and types also select the exported types).</param>
[GenerateSerializer]
[Immutable]
public sealed record ChangeBaselineRequest(
    [property: Id(0)] string Branch,
    [property: Id(1)] ChangeFilter Filter);

/// <summary>The limits of change pages and feed polls (operations.md §2.11).</summary>
public static class ChangeLimits
{
    /// <summary>Changes per page unless asked otherwise.</summary>
    public const int DefaultPageChanges = 1_000;

    /// <summary>The most changes a page may be asked for (more is <c>resource_limit</c>).</summary>
    public const int MaxPageChanges = 8_192;

    /// <summary>The image bytes a page aims at; a page stops after the change that reaches it (a single larger change travels alone).</summary>
    public const int PageByteTarget = 4 * 1024 * 1024;

    /// <summary>Commits a poll examines unless asked otherwise.</summary>
    public const int DefaultPollCommits = 128;

    /// <summary>The most commits a poll may examine.</summary>
    public const int MaxPollCommits = 512;

    /// <summary>The longest cursor or page token accepted.</summary>
    public const int MaxTokenLength = 4_096;
}
