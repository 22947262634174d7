using System.Text.Json.Serialization;

namespace OmniGraph.Loading.Changes;

/// <summary>
/// What a change cursor or page token carries (<see cref="ChangeTokens"/> encodes it). Short member names keep tokens
/// small; the kind says which members a token must have.
/// </summary>
/// <param name="Kind"><see cref="ChangeTokenKinds"/>.</param>
/// <param name="Genesis">The graph's genesis commit: a token of another graph never applies.</param>
/// <param name="Filter">The digest of the filter the token was issued under.</param>
/// <param name="Branch">The feed's branch (feed tokens).</param>
/// <param name="Incarnation">The branch incarnation (feed tokens): a deleted and re-created branch is another feed.</param>
/// <param name="Commit">The cursor's last delivered commit, or the commit a page token continues.</param>
/// <param name="Version">The position of <paramref name="Commit"/> on the branch's first-parent chain (its manifest version).</param>
/// <param name="End">The last version of the poll a feed page token continues.</param>
/// <param name="Cut">The head version that poll captured.</param>
/// <param name="Table">The table the next page starts in (page tokens).</param>
/// <param name="After">The last id delivered in that table, or <c>null</c> from its start.</param>
internal sealed record ChangeToken(
    [property: JsonPropertyName("k")] string Kind,
    [property: JsonPropertyName("g")] string Genesis,
    [property: JsonPropertyName("f")] string Filter,
    [property: JsonPropertyName("b")] string? Branch,
    [property: JsonPropertyName("i")] string? Incarnation,
    [property: JsonPropertyName("c")] string Commit,
    [property: JsonPropertyName("v")] long Version,
    [property: JsonPropertyName("e")] long End,
    [property: JsonPropertyName("h")] long Cut,
    [property: JsonPropertyName("t")] string? Table,
    [property: JsonPropertyName("a")] string? After);

/// <summary>The kinds of <see cref="ChangeToken"/>.</summary>
internal static class ChangeTokenKinds
{
    /// <summary>A durable feed cursor: continue after <see cref="ChangeToken.Commit"/>.</summary>
    public const string Cursor = "cursor";

    /// <summary>The rest of a feed poll.</summary>
    public const string FeedPage = "feed";

    /// <summary>The next page of one commit's changes.</summary>
    public const string CommitPage = "commit";
}

/// <summary>Source-generated JSON of <see cref="ChangeToken"/>.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ChangeToken))]
internal sealed partial class ChangeTokenJsonContext : JsonSerializerContext;
