using System.Text.Json.Serialization;
using OmniGraph.Abstractions;

namespace OmniGraph.Client.Wire;

/// <summary>
/// Source-generated JSON metadata of every HTTP body (requests, responses). Request bodies refuse members they do not
/// define (their types say so: a misspelt field is an error, not silently ignored) and members given twice; responses
/// accept members they do not know, so an older client reads a newer server.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(QueryRequestBody))]
[JsonSerializable(typeof(MutateRequestBody))]
[JsonSerializable(typeof(LoadRequestBody))]
[JsonSerializable(typeof(ExportRequestBody))]
[JsonSerializable(typeof(HealthOutput))]
[JsonSerializable(typeof(ReadinessOutput))]
[JsonSerializable(typeof(GraphListOutput))]
[JsonSerializable(typeof(BranchListOutput))]
[JsonSerializable(typeof(IngestOutput))]
[JsonSerializable(typeof(LoadOutput))]
[JsonSerializable(typeof(ChangeOutput))]
[JsonSerializable(typeof(SnapshotOutput))]
[JsonSerializable(typeof(CommitOutput))]
[JsonSerializable(typeof(CommitListOutput))]
[JsonSerializable(typeof(SchemaOutput))]
[JsonSerializable(typeof(SchemaApplyRequestBody))]
[JsonSerializable(typeof(SchemaApplyOutput))]
[JsonSerializable(typeof(ChangeBaselineRequestBody))]
[JsonSerializable(typeof(BranchCreateRequestBody))]
[JsonSerializable(typeof(BranchMergeRequestBody))]
[JsonSerializable(typeof(BranchCreateOutput))]
[JsonSerializable(typeof(BranchDeleteOutput))]
[JsonSerializable(typeof(BranchMergeOutput))]
[JsonSerializable(typeof(MergeConflictsBody))]
[JsonSerializable(typeof(ChangeSetOutput))]
[JsonSerializable(typeof(CommitChangesOutput))]
[JsonSerializable(typeof(ChangeFeedOutput))]
[JsonSerializable(typeof(ChangeBaselineRecord))]
[JsonSerializable(typeof(LintRequestBody))]
[JsonSerializable(typeof(PlacementOutput))]
[JsonSerializable(typeof(PromotionPreviewRequestBody))]
[JsonSerializable(typeof(PromotionConfirmRequestBody))]
[JsonSerializable(typeof(PromotionPreviewOutput))]
[JsonSerializable(typeof(PromotionOutput))]
[JsonSerializable(typeof(PromotionRevertOutput))]
public sealed partial class WireJsonContext : JsonSerializerContext;
