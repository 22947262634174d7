namespace OmniGraph.Abstractions;

/// <summary>A branch of the registry.</summary>
/// <param name="Name">The branch name.</param>
/// <param name="Incarnation">Its incarnation (ULID minted at creation).</param>
/// <param name="CreatedAt">Microseconds since the Unix epoch.</param>
/// <param name="ForkedFrom">Where it was forked from; <c>null</c> for main.</param>
[GenerateSerializer]
[Immutable]
public sealed record BranchInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string Incarnation,
    [property: Id(2)] long CreatedAt,
    [property: Id(3)] BranchForkPoint? ForkedFrom);

/// <summary>The manifest version a branch was forked from.</summary>
/// <param name="Branch">The source branch.</param>
/// <param name="Incarnation">The source branch's incarnation.</param>
/// <param name="ManifestVersion">The source manifest version the fork starts from.</param>
/// <param name="CommitId">The commit of that version (the fork's inherited head).</param>
[GenerateSerializer]
[Immutable]
public sealed record BranchForkPoint(
    [property: Id(0)] string Branch,
    [property: Id(1)] string Incarnation,
    [property: Id(2)] long ManifestVersion,
    [property: Id(3)] string CommitId);
