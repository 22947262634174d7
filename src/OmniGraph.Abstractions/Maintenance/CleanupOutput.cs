using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>What <c>cleanup</c> reclaimed (or, for a dry run, would reclaim): docs/maintenance.md.</summary>
/// <param name="Confirmed">Whether objects were deleted (<c>false</c>: a dry run, nothing changed).</param>
/// <param name="Branches">Every live branch, sorted by name, with the history it keeps.</param>
/// <param name="CommitPointers">Commit pointers reclaimed.</param>
/// <param name="Manifests">Manifest versions reclaimed.</param>
/// <param name="TableVersions">Table versions reclaimed.</param>
/// <param name="DataObjects">Fragments and deletion files reclaimed.</param>
/// <param name="Bytes">Bytes of every object reclaimed.</param>
[GenerateSerializer]
[Immutable]
public sealed record CleanupOutput(
    [property: Id(0), JsonPropertyName("confirmed")] bool Confirmed,
    [property: Id(1), JsonPropertyName("branches")] ImmutableArray<CleanedBranch> Branches,
    [property: Id(2), JsonPropertyName("commit_pointers")] int CommitPointers,
    [property: Id(3), JsonPropertyName("manifests")] int Manifests,
    [property: Id(4), JsonPropertyName("table_versions")] int TableVersions,
    [property: Id(5), JsonPropertyName("data_objects")] int DataObjects,
    [property: Id(6), JsonPropertyName("bytes")] long Bytes)
{
    /// <summary>Every object reclaimed (pointers, manifests, table versions, fragments and deletion files).</summary>
    [JsonPropertyName("objects")]
    public int Objects => CommitPointers + Manifests + TableVersions + DataObjects;

    /// <summary>The cleanup's journal id, when something was (or is being) reclaimed.</summary>
    [Id(7), JsonPropertyName("cleanup_id")]
    public string? CleanupId { get; init; }
}

/// <summary>One branch of a <see cref="CleanupOutput"/>.</summary>
/// <param name="Branch">The branch.</param>
/// <param name="HeadVersion">Its head manifest version.</param>
/// <param name="KeepFrom">The lowest manifest version of its own history kept (its history below is reclaimed).</param>
/// <param name="Reclaimed">Manifest versions of its own history reclaimed by this cleanup.</param>
[GenerateSerializer]
[Immutable]
public sealed record CleanedBranch(
    [property: Id(0), JsonPropertyName("branch")] string Branch,
    [property: Id(1), JsonPropertyName("head_version")] long HeadVersion,
    [property: Id(2), JsonPropertyName("keep_from")] long KeepFrom,
    [property: Id(3), JsonPropertyName("reclaimed_versions")] int Reclaimed);
