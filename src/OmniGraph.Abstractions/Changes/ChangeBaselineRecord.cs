using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>The last line of a change baseline (<c>{"baseline":{…}}</c>): the commit exported and the cursor that continues after it.</summary>
/// <param name="Baseline">The baseline's terminal facts.</param>
[GenerateSerializer]
[Immutable]
public sealed record ChangeBaselineRecord(
    [property: Id(0), JsonPropertyName("baseline")] ChangeBaselineOutput Baseline);

/// <summary>What a baseline captured.</summary>
/// <param name="SnapshotCommitId">The head commit whose entities the baseline holds.</param>
/// <param name="ResumeCursor">The feed cursor positioned at that commit.</param>
[GenerateSerializer]
[Immutable]
public sealed record ChangeBaselineOutput(
    [property: Id(0), JsonPropertyName("snapshot_commit_id")] string SnapshotCommitId,
    [property: Id(1), JsonPropertyName("resume_cursor")] string ResumeCursor);
