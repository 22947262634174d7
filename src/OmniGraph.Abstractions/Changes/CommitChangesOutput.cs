using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// One page of a commit's exact changes against its first parent (<c>CommitChangesOutput</c>), in the frozen order:
/// nodes before edges, then by type, then by id.
/// </summary>
/// <param name="Cause">The commit.</param>
/// <param name="Changes">This page's changes.</param>
/// <param name="NextPageToken">The token of the next page; absent on the last page.</param>
[GenerateSerializer]
[Immutable]
public sealed record CommitChangesOutput(
    [property: Id(0), JsonPropertyName("cause")] ChangeCauseOutput Cause,
    [property: Id(1), JsonPropertyName("changes")] ImmutableArray<EntityChangeOutput> Changes,
    [property: Id(2), JsonPropertyName("next_page_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextPageToken);
