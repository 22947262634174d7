using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// A commit in the CLI/HTTP shape (<c>CommitOutput</c>): what a write's receipt carries and what
/// <c>commit show</c> prints. <see cref="GraphBranch"/> is <c>null</c> for main; the optional parents and actor are
/// left out of JSON when absent.
/// </summary>
/// <param name="GraphCommitId">The commit id.</param>
/// <param name="GraphBranch">The branch, <c>null</c> for main.</param>
/// <param name="GraphManifestVersion">The manifest version it produced.</param>
/// <param name="ParentCommitId">The previous head of the branch.</param>
/// <param name="MergedParentCommitId">The merged source head of a merge commit.</param>
/// <param name="ActorId">Who made the write.</param>
/// <param name="CreatedAt">Microseconds since the Unix epoch.</param>
[GenerateSerializer]
[Immutable]
public sealed record CommitOutput(
    [property: Id(0), JsonPropertyName("graph_commit_id")] string GraphCommitId,
    [property: Id(1), JsonPropertyName("graph_branch")] string? GraphBranch,
    [property: Id(2), JsonPropertyName("graph_manifest_version")] long GraphManifestVersion,
    [property: Id(3), JsonPropertyName("parent_commit_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ParentCommitId,
    [property: Id(4), JsonPropertyName("merged_parent_commit_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MergedParentCommitId,
    [property: Id(5), JsonPropertyName("actor_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ActorId,
    [property: Id(6), JsonPropertyName("created_at")] long CreatedAt);

/// <summary>A branch's commits, newest first (<c>CommitListOutput</c>).</summary>
/// <param name="Commits">Newest first by (manifest version, created at, id).</param>
[GenerateSerializer]
[Immutable]
public sealed record CommitListOutput(
    [property: Id(0), JsonPropertyName("commits")] ImmutableArray<CommitOutput> Commits)
{
    /// <summary>Lists are equal when they hold equal commits in the same order.</summary>
    public bool Equals(CommitListOutput? other) => other is not null && Commits.AsSpan().SequenceEqual(other.Commits.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => Commits.Length;
}
