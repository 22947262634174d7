using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Engine;

/// <summary>
/// A branch in the CLI/HTTP shape (<c>branch list</c>, <c>branch create</c>): its name, incarnation (a deleted and
/// re-created branch gets a new one), creation time and fork point (left out for main).
/// </summary>
/// <param name="Name">The branch name.</param>
/// <param name="Incarnation">The incarnation id (ULID minted at creation).</param>
/// <param name="CreatedAt">Microseconds since the Unix epoch.</param>
/// <param name="ForkedFrom">Where it starts; <c>null</c> for main.</param>
[GenerateSerializer]
[Immutable]
public sealed record BranchOutput(
    [property: Id(0), JsonPropertyName("name")] string Name,
    [property: Id(1), JsonPropertyName("incarnation")] string Incarnation,
    [property: Id(2), JsonPropertyName("created_at")] long CreatedAt,
    [property: Id(3), JsonPropertyName("forked_from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BranchForkPointOutput? ForkedFrom)
{
    /// <summary>The output of a registry entry.</summary>
    public static BranchOutput From(BranchInfo branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        return new(
            branch.Name,
            branch.Incarnation,
            branch.CreatedAt,
            branch.ForkedFrom is { } fork ? new BranchForkPointOutput(fork.Branch, fork.CommitId, fork.ManifestVersion) : null);
    }
}

/// <summary>Where a branch was forked: the source branch, the commit it started from and that commit's manifest version.</summary>
/// <param name="Branch">The source branch.</param>
/// <param name="CommitId">The commit the branch starts from (its inherited head).</param>
/// <param name="ManifestVersion">That commit's manifest version on the source.</param>
[GenerateSerializer]
[Immutable]
public sealed record BranchForkPointOutput(
    [property: Id(0), JsonPropertyName("branch")] string Branch,
    [property: Id(1), JsonPropertyName("commit_id")] string CommitId,
    [property: Id(2), JsonPropertyName("manifest_version")] long ManifestVersion);

/// <summary>The branches of a graph, main first, then by name (<c>branch list --json</c>).</summary>
/// <param name="Branches">The branches.</param>
[GenerateSerializer]
[Immutable]
public sealed record BranchListOutput(
    [property: Id(0), JsonPropertyName("branches")] ImmutableArray<BranchOutput> Branches)
{
    /// <summary>Lists are equal when they hold equal branches in the same order.</summary>
    public bool Equals(BranchListOutput? other) => other is not null && Branches.AsSpan().SequenceEqual(other.Branches.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => Branches.Length;
}

/// <summary>What <c>branch delete</c> did.</summary>
/// <param name="Name">The deleted branch.</param>
/// <param name="Incarnation">The incarnation that was deleted (never served again).</param>
/// <param name="ReclaimedObjects">Objects removed with it.</param>
/// <param name="Reclaimed">Whether every object was removed (otherwise the next branch create or delete finishes).</param>
[GenerateSerializer]
[Immutable]
public sealed record BranchDeleteOutput(
    [property: Id(0), JsonPropertyName("name")] string Name,
    [property: Id(1), JsonPropertyName("incarnation")] string Incarnation,
    [property: Id(2), JsonPropertyName("reclaimed_objects")] long ReclaimedObjects,
    [property: Id(3), JsonPropertyName("reclaimed")] bool Reclaimed)
{
    /// <summary>The output of a deletion.</summary>
    public static BranchDeleteOutput From(BranchDeletion deletion)
    {
        ArgumentNullException.ThrowIfNull(deletion);
        return new(deletion.Branch.Name, deletion.Branch.Incarnation, deletion.ReclaimedObjects, deletion.Reclaimed);
    }
}
