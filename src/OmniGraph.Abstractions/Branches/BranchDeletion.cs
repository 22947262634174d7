namespace OmniGraph.Abstractions;

/// <summary>What <see cref="IManifestGrain.DeleteBranchAsync"/> did.</summary>
/// <param name="Branch">The deleted branch (its name is free again; its incarnation is never served again).</param>
/// <param name="ReclaimedObjects">Objects removed with it: manifest versions, table versions, its own fragments and deletion files, commit pointers, head records.</param>
/// <param name="Reclaimed">Whether every object was removed; if not, the next branch create or delete (or the next activation) finishes.</param>
[GenerateSerializer]
[Immutable]
public sealed record BranchDeletion(
    [property: Id(0)] BranchInfo Branch,
    [property: Id(1)] long ReclaimedObjects,
    [property: Id(2)] bool Reclaimed);
