using System.Text.Json.Serialization;

namespace OmniGraph.Cli.Output;

/// <summary><c>omnigraph audit verify --json</c>.</summary>
public sealed record AuditVerifyOutput(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("intact")] bool Intact,
    [property: JsonPropertyName("entries")] long Entries,
    [property: JsonPropertyName("head_seq")] long HeadSeq,
    [property: JsonPropertyName("head_hash")] string HeadHash,
    [property: JsonPropertyName("problem"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AuditProblemOutput? Problem);

/// <summary>The first bad entry of <see cref="AuditVerifyOutput"/>.</summary>
public sealed record AuditProblemOutput(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("detail")] string Detail);

/// <summary><c>omnigraph audit list --json</c>.</summary>
public sealed record AuditListOutput([property: JsonPropertyName("entries")] IReadOnlyList<AuditEntryOutput> Entries);

/// <summary>One entry of <see cref="AuditListOutput"/> (the stored fields; a promotion's source branch and diff digest only when present).</summary>
public sealed record AuditEntryOutput(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("time")] string Time,
    [property: JsonPropertyName("actor")] string? Actor,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("graph")] string Graph,
    [property: JsonPropertyName("branch")] string? Branch,
    [property: JsonPropertyName("commit")] string? Commit,
    [property: JsonPropertyName("decision")] string Decision,
    [property: JsonPropertyName("rule")] string? Rule,
    [property: JsonPropertyName("prev_hash")] string PrevHash,
    [property: JsonPropertyName("hash")] string Hash)
{
    /// <summary>The entry's format (2; 1 for entries appended before format 2).</summary>
    [JsonPropertyName("format")]
    public int Format { get; init; }

    /// <summary>A promotion's source branch; omitted for other entries.</summary>
    [JsonPropertyName("source_branch"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SourceBranch { get; init; }

    /// <summary>A promotion's diff digest; omitted for other entries.</summary>
    [JsonPropertyName("diff_digest"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DiffDigest { get; init; }
}
