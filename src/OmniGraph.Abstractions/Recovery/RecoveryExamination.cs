using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// A full integrity examination of a graph (<c>omnigraph recovery status</c>): every branch's chain of manifest versions
/// checked against every durable record that names a later state, every table head record checked against the head it
/// belongs to, recovery sidecars, and what crashed writes left behind. It reads the whole history, so it costs what the
/// history holds; the engine runs the cheap part of it on every open.
/// </summary>
/// <param name="Branches">One entry per branch, main first.</param>
/// <param name="Sidecars">Recovery sidecars still present.</param>
/// <param name="TemporaryFiles">Half-written files of writes that crashed mid-write (local store only).</param>
/// <param name="UnreferencedObjects">Table objects (fragments, deletion files, table versions) that no manifest and no sidecar names: left by writes that never published, or by a write in progress.</param>
[GenerateSerializer]
[Immutable]
public sealed record RecoveryExamination(
    [property: Id(0), JsonPropertyName("branches")] ImmutableArray<BranchExamination> Branches,
    [property: Id(1), JsonPropertyName("sidecars")] ImmutableArray<PendingSidecar> Sidecars,
    [property: Id(2), JsonPropertyName("temporary_files")] ImmutableArray<LeftoverFile> TemporaryFiles,
    [property: Id(3), JsonPropertyName("unreferenced_objects")] ImmutableArray<string> UnreferencedObjects)
{
    /// <summary><c>true</c> when every branch is healthy and no sidecar is pending (leftovers are garbage, not problems).</summary>
    [JsonPropertyName("healthy")]
    public bool IsHealthy => Branches.All(static b => b.Condition == BranchCondition.Healthy) && Sidecars.IsDefaultOrEmpty;
}

/// <summary>What the examination found on one branch.</summary>
/// <param name="Branch">The branch name.</param>
/// <param name="Incarnation">Its incarnation.</param>
/// <param name="HeadVersion">The last manifest version its chain reaches (<c>null</c> when even that could not be read).</param>
/// <param name="Condition">Whether it can be read and written.</param>
/// <param name="Findings">What is wrong, most severe first.</param>
[GenerateSerializer]
[Immutable]
public sealed record BranchExamination(
    [property: Id(0), JsonPropertyName("branch")] string Branch,
    [property: Id(1), JsonPropertyName("incarnation")] string Incarnation,
    [property: Id(2), JsonPropertyName("head_version")] long? HeadVersion,
    [property: Id(3), JsonPropertyName("condition")] BranchCondition Condition,
    [property: Id(4), JsonPropertyName("findings")] ImmutableArray<IntegrityFinding> Findings);

/// <summary>Whether a branch can be used.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BranchCondition>))]
public enum BranchCondition
{
    /// <summary>Nothing wrong.</summary>
    [JsonStringEnumMemberName("healthy")]
    Healthy,

    /// <summary>Reads work; writes are refused (a pending sidecar, or a head record that disagrees with the published head).</summary>
    [JsonStringEnumMemberName("writes_blocked")]
    WritesBlocked,

    /// <summary>The head cannot be served (a manifest version is missing or an object it names is damaged); writes are refused too.</summary>
    [JsonStringEnumMemberName("unreadable")]
    Unreadable,
}

/// <summary>One problem.</summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Key">The object it concerns (the missing manifest, the head record, the sidecar).</param>
/// <param name="Detail">What is wrong, and which record says so.</param>
[GenerateSerializer]
[Immutable]
public sealed record IntegrityFinding(
    [property: Id(0), JsonPropertyName("kind")] IntegrityFindingKind Kind,
    [property: Id(1), JsonPropertyName("key")] string Key,
    [property: Id(2), JsonPropertyName("detail")] string Detail);

/// <summary>Kinds of integrity problems.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IntegrityFindingKind>))]
public enum IntegrityFindingKind
{
    /// <summary>The chain of manifest versions ends below what a durable record proves was published (a chain gap).</summary>
    [JsonStringEnumMemberName("missing_manifest")]
    MissingManifest,

    /// <summary>An object the head needs is damaged or missing (any other <c>corrupt_object</c>).</summary>
    [JsonStringEnumMemberName("corrupt_object")]
    CorruptObject,

    /// <summary>A table head record is missing although the published head names a version of that table on this branch.</summary>
    [JsonStringEnumMemberName("head_record_missing")]
    HeadRecordMissing,

    /// <summary>A table head record disagrees with the published head (behind it, another write's version, another table's record).</summary>
    [JsonStringEnumMemberName("head_record_inconsistent")]
    HeadRecordInconsistent,

    /// <summary>A table head record cannot be read.</summary>
    [JsonStringEnumMemberName("head_record_unreadable")]
    HeadRecordUnreadable,

    /// <summary>A recovery sidecar is still present (refused, its heal failed, or another process's write in progress).</summary>
    [JsonStringEnumMemberName("sidecar_pending")]
    SidecarPending,
}

/// <summary>A file a crashed write left behind.</summary>
/// <param name="Path">Its path relative to the graph root.</param>
/// <param name="CreatedAt">When its write started, in microseconds since the Unix epoch.</param>
/// <param name="Length">Its size in bytes.</param>
[GenerateSerializer]
[Immutable]
public sealed record LeftoverFile(
    [property: Id(0), JsonPropertyName("path")] string Path,
    [property: Id(1), JsonPropertyName("created_at")] long CreatedAt,
    [property: Id(2), JsonPropertyName("length")] long Length);
