using System.Text.Json.Serialization;

namespace OmniGraph.Security.Audit;

/// <summary>
/// An entry as stored: the canonical fields, then the chain link and the hash, then (format 2) a promotion's source
/// branch and diff digest (absent in format 1).
/// </summary>
internal sealed record AuditEntryDocument(
    int Format,
    long Seq,
    string Time,
    string? Actor,
    string Action,
    string Graph,
    string? Branch,
    string? Commit,
    string Decision,
    string? Rule,
    string PrevHash,
    string Hash,
    string? SourceBranch = null,
    string? DiffDigest = null);

/// <summary>The tail record: the newest entry known to exist and its hash.</summary>
internal sealed record AuditTailDocument(int Format, long Seq, string Hash);

/// <summary>
/// The idempotency claim of one (commit, action): created before its entry is appended, then filled with the entry's
/// sequence number. <see cref="AfterSeq"/> is the tail seen when claiming: the entry, if it was written, comes after it.
/// </summary>
internal sealed record AuditClaimDocument(int Format, string Commit, string Action, long AfterSeq, long? Seq);

/// <summary>Source-generated, strict JSON for the audit objects: unknown, missing, duplicate and null-where-not-allowed members are errors.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AuditEntryDocument))]
[JsonSerializable(typeof(AuditTailDocument))]
[JsonSerializable(typeof(AuditClaimDocument))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
