using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// A promotion preview in the CLI/HTTP shape (<c>promote --preview --json</c>): the net change per table, any
/// conflict, and the digest to confirm it with.
/// </summary>
/// <param name="Source">The source branch.</param>
/// <param name="Target">The target branch.</param>
/// <param name="Outcome"><c>already_up_to_date</c> (nothing to promote), <c>fast_forward</c>, <c>merged</c> or <c>conflicted</c>.</param>
/// <param name="SourceCommitId">The source head previewed.</param>
/// <param name="TargetCommitId">The target head previewed.</param>
/// <param name="BaseCommitId">The merge base.</param>
/// <param name="Tables">What each changed table would take, in table-key order.</param>
/// <param name="Conflicts">Every conflict (empty unless conflicted).</param>
/// <param name="DiffDigest">The digest <c>promote --confirm</c> takes.</param>
public sealed record PromotionPreviewOutput(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("source_commit_id")] string SourceCommitId,
    [property: JsonPropertyName("target_commit_id")] string TargetCommitId,
    [property: JsonPropertyName("base_commit_id")] string BaseCommitId,
    [property: JsonPropertyName("tables")] ImmutableArray<TableMergeOutput> Tables,
    [property: JsonPropertyName("conflicts")] ImmutableArray<MergeConflictOutput> Conflicts,
    [property: JsonPropertyName("diff_digest")] string DiffDigest)
{
    /// <summary>The output of a preview.</summary>
    public static PromotionPreviewOutput From(PromotionPreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        return new(
            preview.Source,
            preview.Target,
            preview.Outcome.ToWireName(),
            preview.SourceCommitId,
            preview.TargetCommitId,
            preview.BaseCommitId,
            TablesOf(preview.Tables),
            [.. preview.Conflicts.Select(MergeConflictOutput.From)],
            preview.Digest);
    }

    /// <summary>The tables of a preview, a promotion or a revert in their output shape.</summary>
    internal static ImmutableArray<TableMergeOutput> TablesOf(ImmutableArray<TableMergeSummary> tables) =>
        [.. tables.Select(static t => new TableMergeOutput(t.Table, t.Inserted, t.Updated, t.Deleted))];
}

/// <summary>A promotion in the CLI/HTTP shape (<c>promote --confirm --json</c>).</summary>
/// <param name="PromotionId">The id <c>promote revert</c> takes.</param>
/// <param name="Source">The source branch.</param>
/// <param name="Target">The target branch.</param>
/// <param name="DiffDigest">The digest confirmed.</param>
/// <param name="SourceCommitId">The source head promoted (the commit's merged parent).</param>
/// <param name="TargetCommitId">The target head before (the state a revert restores).</param>
/// <param name="Commit">The promotion commit.</param>
/// <param name="Tables">What each changed table took.</param>
/// <param name="PromotedAt">When (RFC 3339, UTC).</param>
public sealed record PromotionOutput(
    [property: JsonPropertyName("promotion_id")] string PromotionId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("diff_digest")] string DiffDigest,
    [property: JsonPropertyName("source_commit_id")] string SourceCommitId,
    [property: JsonPropertyName("target_commit_id")] string TargetCommitId,
    [property: JsonPropertyName("commit")] CommitOutput Commit,
    [property: JsonPropertyName("tables")] ImmutableArray<TableMergeOutput> Tables,
    [property: JsonPropertyName("promoted_at")] DateTimeOffset PromotedAt)
{
    /// <summary>The output of a promotion.</summary>
    public static PromotionOutput From(PromotionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.PromotionId, result.Source, result.Target, result.Digest, result.SourceCommitId, result.TargetCommitId, result.Commit.ToOutput(), PromotionPreviewOutput.TablesOf(result.Tables), result.PromotedAt);
    }
}

/// <summary>A promotion's revert in the CLI/HTTP shape (<c>promote revert --json</c>).</summary>
/// <param name="PromotionId">The promotion reverted.</param>
/// <param name="Target">Its target branch.</param>
/// <param name="Commit">The revert commit.</param>
/// <param name="Tables">What each table changed back.</param>
public sealed record PromotionRevertOutput(
    [property: JsonPropertyName("promotion_id")] string PromotionId,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("commit")] CommitOutput Commit,
    [property: JsonPropertyName("tables")] ImmutableArray<TableMergeOutput> Tables)
{
    /// <summary>The output of a revert.</summary>
    public static PromotionRevertOutput From(PromotionRevertResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.PromotionId, result.Target, result.Commit.ToOutput(), PromotionPreviewOutput.TablesOf(result.Tables));
    }
}
