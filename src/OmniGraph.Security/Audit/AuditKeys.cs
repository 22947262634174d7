using System.Globalization;

namespace OmniGraph.Security;

/// <summary>The object keys of the audit log inside a graph root (docs/storage-layout.md, docs/security.md).</summary>
public static class AuditKeys
{
    /// <summary>Prefix of every entry.</summary>
    public const string EntriesPrefix = "audit/entries/";

    /// <summary>The tail record: the newest entry known to exist (a hint that keeps appends flat in the log's length).</summary>
    public const string Tail = "audit/tail.json";

    /// <summary>Prefix of the idempotency claims (one per commit and action).</summary>
    public const string ClaimsPrefix = "audit/claims/";

    private const string SeqFormat = "D20";
    private const string Suffix = ".json";

    /// <summary>The key of entry <paramref name="seq"/>.</summary>
    public static string Entry(long seq) => $"{EntriesPrefix}{seq.ToString(SeqFormat, CultureInfo.InvariantCulture)}{Suffix}";

    /// <summary>The key of the claim of (<paramref name="commit"/>, <paramref name="action"/>).</summary>
    public static string Claim(string commit, PolicyAction action) => $"{ClaimsPrefix}{commit}/{action.Name()}{Suffix}";

    /// <summary>The sequence number an entry key names, or <c>null</c> when the key is not an entry key.</summary>
    public static long? SeqOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.StartsWith(EntriesPrefix, StringComparison.Ordinal) || !key.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var digits = key.AsSpan(EntriesPrefix.Length, key.Length - EntriesPrefix.Length - Suffix.Length);
        return digits.Length == 20 && !digits.ContainsAnyExceptInRange('0', '9')
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq >= 1
            ? seq
            : null;
    }
}
