using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>What <c>omnigraph recovery repair</c> may do.</summary>
/// <param name="Apply">Change the store; otherwise only plan (a dry run).</param>
/// <param name="DiscardLostVersions">
/// When manifest versions are lost and the state they published cannot be rebuilt and verified from the table heads,
/// close the gap with a commit that continues from the last version that exists (the lost writes' data is dropped,
/// and the history says so). Off by default: repair never drops data unless asked.
/// </param>
[GenerateSerializer]
[Immutable]
public sealed record RepairRequest(
    [property: Id(0)] bool Apply,
    [property: Id(1)] bool DiscardLostVersions = false);

/// <summary>What a repair did (or, in a dry run, would do), and the examination afterwards.</summary>
/// <param name="Steps">One entry per action, in order; refused ones say why.</param>
/// <param name="Applied">Whether the store was changed.</param>
/// <param name="After">The examination after the repair (before it, in a dry run).</param>
[GenerateSerializer]
[Immutable]
public sealed record RepairReport(
    [property: Id(0), JsonPropertyName("steps")] ImmutableArray<RepairStep> Steps,
    [property: Id(1), JsonPropertyName("applied")] bool Applied,
    [property: Id(2), JsonPropertyName("after")] RecoveryExamination After);

/// <summary>One repair action.</summary>
/// <param name="Kind">What it does.</param>
/// <param name="Branch">The branch it concerns.</param>
/// <param name="Detail">What exactly, or why it is refused.</param>
[GenerateSerializer]
[Immutable]
public sealed record RepairStep(
    [property: Id(0), JsonPropertyName("kind")] RepairStepKind Kind,
    [property: Id(1), JsonPropertyName("branch")] string Branch,
    [property: Id(2), JsonPropertyName("detail")] string Detail);

/// <summary>Repair actions. Each publishes only what it verified first; full repair (issue 16) adds kinds.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RepairStepKind>))]
public enum RepairStepKind
{
    /// <summary>Rewrite table head records from the published head (they are derived state; the manifest is the truth).</summary>
    [JsonStringEnumMemberName("rebuild_head_records")]
    RebuildHeadRecords,

    /// <summary>
    /// Publish lost manifest versions again: the last one rebuilt from the table heads (every object verified, every
    /// write they belong to complete), any before it as unreadable <c>recovery_lost</c> placeholders that keep their
    /// numbers and commit ids.
    /// </summary>
    [JsonStringEnumMemberName("republish_lost_versions")]
    RepublishLostVersions,

    /// <summary>Close a gap that cannot be rebuilt: placeholders for the lost versions and a last one that continues from the last version that exists (needs <see cref="RepairRequest.DiscardLostVersions"/>).</summary>
    [JsonStringEnumMemberName("discard_lost_versions")]
    DiscardLostVersions,

    /// <summary>Something repair will not do automatically; the detail says what the operator can do.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,
}
