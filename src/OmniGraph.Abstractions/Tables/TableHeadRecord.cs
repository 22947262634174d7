namespace OmniGraph.Abstractions;

/// <summary>A table's stored head record on one branch, as integrity checks and recovery see it.</summary>
/// <param name="StateKey">The record's object key (<c>state/head-tablebranch/{table}@{branch}.json</c>).</param>
/// <param name="Exists">Whether the record exists at all (a lost <c>state/</c> directory leaves none).</param>
/// <param name="Head">The physical head, or <c>null</c> when the table never moved on the branch.</param>
/// <param name="ManifestVersion">The manifest version the write that moved the head publishes, when known (a head moved back by recovery, or written before this was recorded, has none).</param>
[GenerateSerializer]
[Immutable]
internal sealed record TableHeadRecord(
    [property: Id(0)] string StateKey,
    [property: Id(1)] bool Exists,
    [property: Id(2)] TableVersionRef? Head,
    [property: Id(3)] long? ManifestVersion);
