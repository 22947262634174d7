using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OmniGraph.Security.Audit;

/// <summary>
/// Writes the audit objects and reads them back strictly (as the engine's stored documents are read): the format number
/// first, so an unknown format gets its own error; then the document with unknown, missing, duplicate and null members
/// refused; then every field checked, including that an entry's hash is its content's. Any failure is an
/// <see cref="AuditLogException"/> naming the key.
/// </summary>
internal static class AuditDocuments
{
    /// <summary>The format number of the tail record and the claims this build writes and reads.</summary>
    public const int Format = 1;

    /// <summary>
    /// The format of the entries this build appends: 2 adds a promotion's <c>source_branch</c> and <c>diff_digest</c> and
    /// hashes the format. Entries of format 1 are read and verified as they were written.
    /// </summary>
    public const int EntryFormat = 2;

    /// <summary>The time format of <c>time</c>: UTC with microseconds.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private static readonly AuditJsonContext s_context = AuditJsonContext.Default;

    public static byte[] Serialize(AuditEntry entry) => JsonSerializer.SerializeToUtf8Bytes(ToDocument(entry), s_context.AuditEntryDocument);

    public static byte[] Serialize(AuditTailDocument tail) => JsonSerializer.SerializeToUtf8Bytes(tail, s_context.AuditTailDocument);

    public static byte[] Serialize(AuditClaimDocument claim) => JsonSerializer.SerializeToUtf8Bytes(claim, s_context.AuditClaimDocument);

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads an entry: well-formed, of a known format, its fields valid and its hash its content's.</summary>
    /// <exception cref="AuditLogException"><c>audit_entry_corrupt</c> or <c>audit_unsupported_format</c>.</exception>
    public static AuditEntry ReadEntry(string key, ReadOnlySpan<byte> utf8)
    {
        var format = RequireFormat(key, utf8, 1, EntryFormat);
        var document = Deserialize(key, utf8, s_context.AuditEntryDocument);
        Check(key, document.Seq >= 1, "seq is below 1");
        Check(key, DateTimeOffset.TryParseExact(document.Time, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time), $"time '{ErrorText.Quote(document.Time)}' is not a UTC time with microseconds");
        Check(key, PolicyActions.TryParse(document.Action, out _), $"action '{ErrorText.Quote(document.Action)}' is not a policy action");
        Check(key, document.Graph.Length > 0, "graph is empty");
        Check(key, document.Decision is "allow" or "deny", $"decision '{ErrorText.Quote(document.Decision)}' is neither allow nor deny");
        Check(key, IsHash(document.PrevHash), "prev_hash is not 64 lowercase hex digits");
        Check(key, IsHash(document.Hash), "hash is not 64 lowercase hex digits");
        Check(key, format >= 2 || (document.SourceBranch is null && document.DiffDigest is null), "source_branch and diff_digest are not members of format 1");
        Check(key, document.DiffDigest is null || IsHash(document.DiffDigest), "diff_digest is not 64 lowercase hex digits");
        return new AuditEntry(
            document.Seq,
            time,
            document.Actor,
            document.Action,
            document.Graph,
            document.Branch,
            document.Commit,
            document.Decision == "allow" ? AuditDecisionKind.Allow : AuditDecisionKind.Deny,
            document.Rule,
            document.PrevHash,
            document.Hash)
        {
            Format = format,
            SourceBranch = document.SourceBranch,
            DiffDigest = document.DiffDigest,
        };
    }

    /// <summary>Reads the tail record.</summary>
    public static AuditTailDocument ReadTail(string key, ReadOnlySpan<byte> utf8)
    {
        var tail = Parse(key, utf8, s_context.AuditTailDocument);
        Check(key, tail.Seq >= 1, "seq is below 1");
        Check(key, IsHash(tail.Hash), "hash is not 64 lowercase hex digits");
        return tail;
    }

    /// <summary>Reads a claim and checks it is the claim of (<paramref name="commit"/>, <paramref name="action"/>).</summary>
    public static AuditClaimDocument ReadClaim(string key, ReadOnlySpan<byte> utf8, string commit, string action)
    {
        var claim = Parse(key, utf8, s_context.AuditClaimDocument);
        Check(key, claim.Commit == commit && claim.Action == action, $"it claims ({claim.Commit}, {claim.Action}), expected ({commit}, {action})");
        Check(key, claim.AfterSeq >= 0, "after_seq is negative");
        Check(key, claim.Seq is null || claim.Seq > claim.AfterSeq, "seq is not after after_seq");
        return claim;
    }

    private static AuditEntryDocument ToDocument(AuditEntry entry) => new(
        entry.Format,
        entry.Seq,
        entry.TimeText,
        entry.Actor,
        entry.Action,
        entry.Graph,
        entry.Branch,
        entry.Commit,
        entry.DecisionText,
        entry.Rule,
        entry.PreviousHash,
        entry.Hash,
        entry.SourceBranch,
        entry.DiffDigest);

    private static T Parse<T>(string key, ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        RequireFormat(key, utf8, Format, Format);
        return Deserialize(key, utf8, typeInfo);
    }

    private static T Deserialize<T>(string key, ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, typeInfo) ?? throw Corrupt(key, "it is JSON null");
        }
        catch (JsonException exception)
        {
            throw new AuditLogException(ErrorCodes.AuditEntryCorrupt, JsonSyntax.DescribeFailure(utf8, exception), key, exception);
        }
    }

    /// <summary>The object's format number, one of <paramref name="oldest"/> to <paramref name="newest"/>.</summary>
    private static int RequireFormat(string key, ReadOnlySpan<byte> utf8, int oldest, int newest)
    {
        long format;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Corrupt(key, "it is not a JSON object");
            }

            if (!document.RootElement.TryGetProperty("format", out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out format))
            {
                throw Corrupt(key, "format is missing or not an integer");
            }
        }
        catch (JsonException exception)
        {
            throw new AuditLogException(ErrorCodes.AuditEntryCorrupt, JsonSyntax.DescribeFailure(utf8, exception), key, exception);
        }

        if (format < oldest || format > newest)
        {
            var reads = oldest == newest ? $"{oldest}" : $"{oldest} to {newest}";
            throw new AuditLogException(ErrorCodes.AuditUnsupportedFormat, $"format {format} is unknown (this build reads {reads}){(format > newest ? "; upgrade omnigraph" : string.Empty)}", key);
        }

        return (int)format;
    }

    private static bool IsHash(string text) => text.Length == 64 && !text.AsSpan().ContainsAnyExcept("0123456789abcdef");

    private static void Check(string key, bool condition, string reason)
    {
        if (!condition)
        {
            throw Corrupt(key, reason);
        }
    }

    private static AuditLogException Corrupt(string key, string reason) => new(ErrorCodes.AuditEntryCorrupt, reason, key);
}
