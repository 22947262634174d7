using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>The commit a block of changes belongs to (<c>ChangeCauseOutput</c>).</summary>
/// <param name="GraphCommitId">The commit.</param>
/// <param name="AuthoredBranch">The branch it was made on.</param>
/// <param name="AuthoredAt">When, in microseconds since the Unix epoch.</param>
/// <param name="ActorId">Who made it, when known.</param>
/// <param name="ParentCommitId">Its first parent (what the changes are against).</param>
/// <param name="MergedParentCommitId">The merged source head of a merge commit.</param>
[GenerateSerializer]
[Immutable]
public sealed record ChangeCauseOutput(
    [property: Id(0), JsonPropertyName("graph_commit_id")] string GraphCommitId,
    [property: Id(1), JsonPropertyName("authored_branch")] string AuthoredBranch,
    [property: Id(2), JsonPropertyName("authored_at")] long AuthoredAt,
    [property: Id(3), JsonPropertyName("actor_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ActorId,
    [property: Id(4), JsonPropertyName("parent_commit_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ParentCommitId,
    [property: Id(5), JsonPropertyName("merged_parent_commit_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MergedParentCommitId)
{
    /// <summary>The cause of <paramref name="commit"/>.</summary>
    public static ChangeCauseOutput From(CommitInfo commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return new(commit.Id, commit.Branch, commit.CreatedAt, commit.Actor, commit.ParentId, commit.MergedParentId);
    }
}
