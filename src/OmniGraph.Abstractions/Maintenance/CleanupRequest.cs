namespace OmniGraph.Abstractions;

/// <summary>
/// What <c>cleanup</c> keeps (docs/maintenance.md): per branch the newest <see cref="Keep"/> commits of its own history
/// and every commit younger than <see cref="OlderThanMicros"/>, besides what live branches need (heads, fork points,
/// merge bases). Without <see cref="Confirm"/> nothing is deleted: the output is the plan.
/// </summary>
/// <param name="Keep">How many of each branch's newest commits are kept (0: the head only; the head is always kept).</param>
/// <param name="OlderThanMicros">Commits younger than this many microseconds are kept.</param>
/// <param name="Confirm">Whether to delete (otherwise a dry run).</param>
[GenerateSerializer]
[Immutable]
public sealed record CleanupRequest(
    [property: Id(0)] int Keep,
    [property: Id(1)] long OlderThanMicros,
    [property: Id(2)] bool Confirm);
