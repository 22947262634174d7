using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// One page of a branch's change feed (<c>ChangeFeedOutput</c>): blocks in first-parent order, oldest first, one per
/// commit. A page that ends inside a commit carries only <see cref="NextPageToken"/>; the page that ends a poll on a
/// commit boundary carries the durable <see cref="Cursor"/> and <see cref="CaughtUp"/>.
/// </summary>
/// <param name="Blocks">The commits' changes.</param>
/// <param name="Cursor">Where the next poll continues (terminal page only).</param>
/// <param name="NextPageToken">The rest of this poll (a page that ended inside a commit or before the poll's last commit).</param>
/// <param name="CaughtUp">Whether the cursor is at the head the poll captured (terminal page only).</param>
[GenerateSerializer]
[Immutable]
public sealed record ChangeFeedOutput(
    [property: Id(0), JsonPropertyName("blocks")] ImmutableArray<ChangeBlockOutput> Blocks,
    [property: Id(1), JsonPropertyName("cursor"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cursor,
    [property: Id(2), JsonPropertyName("next_page_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextPageToken,
    [property: Id(3), JsonPropertyName("caught_up"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? CaughtUp);

/// <summary>The changes of one commit in a feed page (all of them, or a part when the page ended inside the commit).</summary>
/// <param name="Cause">The commit.</param>
/// <param name="Changes">Its changes on this page.</param>
[GenerateSerializer]
[Immutable]
public sealed record ChangeBlockOutput(
    [property: Id(0), JsonPropertyName("cause")] ChangeCauseOutput Cause,
    [property: Id(1), JsonPropertyName("changes")] ImmutableArray<EntityChangeOutput> Changes);
