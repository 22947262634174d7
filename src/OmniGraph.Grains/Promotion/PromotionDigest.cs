using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using OmniGraph.Arrow.Ipc;
using OmniGraph.Grains.Merging;

namespace OmniGraph.Grains.Promotion;

/// <summary>
/// The diff digest of a promotion: SHA-256 over the two branch names, both heads, the merge base, the outcome and, per
/// table in key order, every row the target would take (as one Arrow IPC stream) and every id it would delete. Every
/// field is length-prefixed, so no two different changes share an encoding. The merge plan is deterministic for the
/// same two heads, so the same change always has the same digest, and any change of a head or a row changes it.
/// </summary>
internal static class PromotionDigest
{
    private static readonly byte[] s_domain = Encoding.UTF8.GetBytes("omnigraph.promotion.digest.v1");

    public static string Compute(string source, string target, GraphSnapshot sourceHead, GraphSnapshot targetHead, MergePreparation prepared)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendField(hash, s_domain);
        AppendText(hash, source);
        AppendText(hash, target);
        AppendText(hash, sourceHead.Commit.Id);
        AppendText(hash, targetHead.Commit.Id);
        AppendText(hash, prepared.BaseCommitId);
        AppendText(hash, prepared.Outcome.ToWireName());
        foreach (var plan in prepared.Plans.Where(static p => !p.IsEmpty).OrderBy(static p => p.Table, StringComparer.Ordinal))
        {
            AppendText(hash, plan.Table);
            AppendField(hash, plan.Upserts.Length == 0 ? [] : ArrowStreamWriter.WriteToArray(plan.Upserts.Schema, [plan.Upserts]));
            AppendCount(hash, plan.DeleteIds.Count);
            for (var i = 0; i < plan.DeleteIds.Count; i++)
            {
                AppendField(hash, plan.DeleteIds[i]);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Whether <paramref name="text"/> has the shape of a digest (64 lowercase hex digits).</summary>
    public static bool IsWellFormed(string? text) => text is { Length: 64 } && text.All(static c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static void AppendText(IncrementalHash hash, string text) => AppendField(hash, Encoding.UTF8.GetBytes(text));

    private static void AppendField(IncrementalHash hash, ReadOnlySpan<byte> bytes)
    {
        AppendCount(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendCount(IncrementalHash hash, long count)
    {
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(length, count);
        hash.AppendData(length);
    }
}
