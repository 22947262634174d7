using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OmniGraph.Security.Audit;

/// <summary>
/// The canonical form of an entry and its hash. The canonical entry is compact JSON with the members in this fixed order
/// — format 2: <c>format, seq, time, actor, action, graph, branch, commit, decision, rule, source_branch, diff_digest</c>;
/// format 1 (entries written before format 2, verified as written): <c>seq, time, actor, action, graph, branch, commit,
/// decision, rule</c>. The format is hashed, so an entry cannot be passed off as the other format. Numbers in plain decimal, absent values
/// as <c>null</c>, and strings escaped by one fixed rule written here (not by a serializer whose escaping could change
/// between versions): <c>"</c> and <c>\</c> are backslash-escaped, control characters below U+0020 are
/// <c>\b \t \n \f \r</c> or <c>\u00xx</c> (lowercase hex), everything else is its UTF-8 bytes.
/// <c>hash = SHA-256(canonical ‖ previous hash)</c>, the previous hash as its 32 raw bytes (zeros before the first entry).
/// </summary>
internal static class AuditCanonical
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>The canonical JSON of an entry's content.</summary>
    public static byte[] Canonical(AuditEntry entry)
    {
        var builder = new StringBuilder(256);
        builder.Append('{');
        if (entry.Format >= 2)
        {
            builder.Append("\"format\":").Append(entry.Format.ToString(CultureInfo.InvariantCulture)).Append(',');
        }

        builder.Append("\"seq\":").Append(entry.Seq.ToString(CultureInfo.InvariantCulture));
        builder.Append(",\"time\":");
        AppendString(builder, entry.TimeText);
        builder.Append(",\"actor\":");
        AppendString(builder, entry.Actor);
        builder.Append(",\"action\":");
        AppendString(builder, entry.Action);
        builder.Append(",\"graph\":");
        AppendString(builder, entry.Graph);
        builder.Append(",\"branch\":");
        AppendString(builder, entry.Branch);
        builder.Append(",\"commit\":");
        AppendString(builder, entry.Commit);
        builder.Append(",\"decision\":");
        AppendString(builder, entry.DecisionText);
        builder.Append(",\"rule\":");
        AppendString(builder, entry.Rule);
        if (entry.Format >= 2)
        {
            builder.Append(",\"source_branch\":");
            AppendString(builder, entry.SourceBranch);
            builder.Append(",\"diff_digest\":");
            AppendString(builder, entry.DiffDigest);
        }

        builder.Append('}');
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>SHA-256(canonical ‖ previous hash) as 64 lowercase hex digits.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        var canonical = Canonical(entry);
        var buffer = ArrayPool<byte>.Shared.Rent(canonical.Length + SHA256.HashSizeInBytes);
        try
        {
            canonical.CopyTo(buffer, 0);
            Convert.FromHexString(entry.PreviousHash, buffer.AsSpan(canonical.Length, SHA256.HashSizeInBytes), out _, out _);
            return Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, canonical.Length + SHA256.HashSizeInBytes)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void AppendString(StringBuilder builder, string? value)
    {
        if (value is null)
        {
            builder.Append("null");
            return;
        }

        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                case < ' ': builder.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }
}
