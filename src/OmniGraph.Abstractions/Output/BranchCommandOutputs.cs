using System.Text.Json.Serialization;
namespace OmniGraph.Abstractions;

/// <summary>
/// <c>branch create --json</c> and <c>POST /graphs/{id}/branches</c>: the reference shape (<c>BranchCreateOutput {uri,
/// from, name, actor_id}</c>) plus the new branch's incarnation and its exact fork point. <c>actor_id</c> is left out
/// when no actor is known (the local CLI).
/// </summary>
/// <param name="Uri">The graph as given.</param>
/// <param name="From">The branch or commit given with <c>--from</c> (<c>main</c> when none was).</param>
/// <param name="Name">The new branch.</param>
/// <param name="Incarnation">Its incarnation (a branch deleted and created again under the name gets a new one).</param>
/// <param name="ForkedFrom">The branch, commit and manifest version it starts at.</param>
public sealed record BranchCreateOutput(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("incarnation")] string Incarnation,
    [property: JsonPropertyName("forked_from")] BranchForkPointOutput ForkedFrom)
{
    /// <summary>Who created it (the server's token actor).</summary>
    [JsonPropertyName("actor_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ActorId { get; init; }

    /// <summary>The output of a created branch.</summary>
    public static BranchCreateOutput Of(string uri, string from, BranchInfo branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        var fork = branch.ForkedFrom ?? throw new ArgumentException("a created branch has a fork point", nameof(branch));
        return new(uri, from, branch.Name, branch.Incarnation, new BranchForkPointOutput(fork.Branch, fork.CommitId, fork.ManifestVersion));
    }
}

/// <summary>Where a branch starts: the source branch, the commit (its inherited head) and that commit's manifest version.</summary>
/// <param name="Branch">The source branch.</param>
/// <param name="CommitId">The commit.</param>
/// <param name="ManifestVersion">Its manifest version on the source.</param>
public sealed record BranchForkPointOutput(
    [property: JsonPropertyName("branch")] string Branch,
    [property: JsonPropertyName("commit_id")] string CommitId,
    [property: JsonPropertyName("manifest_version")] long ManifestVersion);

/// <summary>
/// <c>branch delete --json</c> and <c>DELETE /graphs/{id}/branches/{branch}</c>: the reference shape
/// (<c>BranchDeleteOutput {uri, name, actor_id}</c>) plus what was reclaimed; <c>actor_id</c> left out when unknown.
/// </summary>
/// <param name="Uri">The graph as given.</param>
/// <param name="Name">The deleted branch.</param>
/// <param name="Incarnation">The deleted incarnation (its commits are never served again).</param>
/// <param name="ReclaimedObjects">Objects removed with it.</param>
/// <param name="Reclaimed">Whether every object was removed (otherwise the next branch create or delete finishes).</param>
public sealed record BranchDeleteOutput(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("incarnation")] string Incarnation,
    [property: JsonPropertyName("reclaimed_objects")] long ReclaimedObjects,
    [property: JsonPropertyName("reclaimed")] bool Reclaimed)
{
    /// <summary>Who deleted it (the server's token actor).</summary>
    [JsonPropertyName("actor_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ActorId { get; init; }

    /// <summary>The output of a deletion.</summary>
    public static BranchDeleteOutput Of(string uri, BranchDeletion deletion)
    {
        ArgumentNullException.ThrowIfNull(deletion);
        return new(uri, deletion.Branch.Name, deletion.Branch.Incarnation, deletion.ReclaimedObjects, deletion.Reclaimed);
    }
}
