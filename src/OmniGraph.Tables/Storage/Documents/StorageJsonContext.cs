using System.Text.Json.Serialization;

namespace OmniGraph.Tables.Storage.Documents;

/// <summary>
/// Source-generated JSON for every stored document (no reflection, fast start). Strict: unknown members, missing
/// required members, nulls in non-nullable members and duplicate members are errors, so a damaged object is reported
/// rather than half-read.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(GraphStampDocument))]
[JsonSerializable(typeof(ManifestDocument))]
[JsonSerializable(typeof(TableVersionDocument))]
[JsonSerializable(typeof(TableVersionDeltaDocument))]
[JsonSerializable(typeof(SidecarDocument))]
[JsonSerializable(typeof(CommitPointerDocument))]
[JsonSerializable(typeof(PromotionDocument))]
[JsonSerializable(typeof(PromotionRevertDocument))]
[JsonSerializable(typeof(CleanupJournalDocument))]
internal sealed partial class StorageJsonContext : JsonSerializerContext
{
}
