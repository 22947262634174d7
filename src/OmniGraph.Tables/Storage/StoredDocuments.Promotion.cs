using System.Text.Json;
using OmniGraph.Tables.Storage.Documents;

namespace OmniGraph.Tables.Storage;

internal static partial class StoredDocuments
{
    public static byte[] Serialize(PromotionDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, s_context.PromotionDocument);

    public static byte[] Serialize(PromotionRevertDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, s_context.PromotionRevertDocument);

    /// <summary>Reads a promotion record.</summary>
    /// <exception cref="CorruptObjectException">Malformed, or not the record of <paramref name="promotionId"/>.</exception>
    public static PromotionDocument ReadPromotion(string key, ReadOnlySpan<byte> utf8, string promotionId)
    {
        RequireObjectFormat(key, utf8, "format", StorageFormat.ObjectFormat);
        var promotion = Parse(key, utf8, s_context.PromotionDocument);
        Check(key, string.Equals(promotion.PromotionId, promotionId, StringComparison.Ordinal), $"it names promotion {promotion.PromotionId}, expected {promotionId}");
        Check(key, IsBranchName(promotion.Source) && IsBranchName(promotion.Target), "source or target is empty");
        Check(key, IsSchemaHash(promotion.Digest), "digest is not a SHA-256 hex digest");
        Check(key, IsUlid(promotion.SourceCommitId) && IsUlid(promotion.TargetCommitId) && IsUlid(promotion.CommitId), "a commit id is not a ULID");
        Check(key, promotion.PromotedAt >= 0, "promoted_at is negative");
        return promotion;
    }

    /// <summary>Reads a promotion's revert claim.</summary>
    /// <exception cref="CorruptObjectException">Malformed, or not the claim of <paramref name="promotionId"/>.</exception>
    public static PromotionRevertDocument ReadPromotionRevert(string key, ReadOnlySpan<byte> utf8, string promotionId)
    {
        RequireObjectFormat(key, utf8, "format", StorageFormat.ObjectFormat);
        var revert = Parse(key, utf8, s_context.PromotionRevertDocument);
        Check(key, string.Equals(revert.PromotionId, promotionId, StringComparison.Ordinal), $"it names promotion {revert.PromotionId}, expected {promotionId}");
        Check(key, IsUlid(revert.CommitId), "commit_id is not a ULID");
        return revert;
    }
}
