using System.Text.Json.Serialization;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>Source-generated JSON metadata of every CLI output (no reflection at start-up).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ErrorOutput))]
[JsonSerializable(typeof(LoadCommandOutput))]
[JsonSerializable(typeof(EmbedCommandOutput))]
[JsonSerializable(typeof(SnapshotOutput))]
[JsonSerializable(typeof(CommitOutput))]
[JsonSerializable(typeof(CommitListOutput))]
[JsonSerializable(typeof(SchemaOutput))]
[JsonSerializable(typeof(InitCommandOutput))]
[JsonSerializable(typeof(RecoveryExamination))]
[JsonSerializable(typeof(RepairReport))]
[JsonSerializable(typeof(PolicyValidateOutput))]
[JsonSerializable(typeof(PolicyTestOutput))]
[JsonSerializable(typeof(PolicyExplainOutput))]
[JsonSerializable(typeof(AuditVerifyOutput))]
[JsonSerializable(typeof(AuditListOutput))]
[JsonSerializable(typeof(BranchCreateOutput))]
[JsonSerializable(typeof(OmniGraph.Client.Wire.BranchListOutput))]
[JsonSerializable(typeof(BranchDeleteOutput))]
[JsonSerializable(typeof(BranchMergeOutput))]
[JsonSerializable(typeof(MergeConflictsErrorOutput))]
[JsonSerializable(typeof(PromotionPreviewOutput))]
[JsonSerializable(typeof(PromotionOutput))]
[JsonSerializable(typeof(PromotionRevertOutput))]
[JsonSerializable(typeof(SchemaApplyCommandOutput))]
[JsonSerializable(typeof(OptimizeOutput))]
[JsonSerializable(typeof(CleanupOutput))]
[JsonSerializable(typeof(ObjectRepairReport))]
[JsonSerializable(typeof(ChangeSetOutput))]
[JsonSerializable(typeof(CommitChangesOutput))]
[JsonSerializable(typeof(ChangeFeedOutput))]
[JsonSerializable(typeof(ChangeBaselineRecord))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
