using System.Globalization;
using System.Text;

namespace OmniGraph.Storage.Local;

/// <summary>
/// The lease record kept in a key's lock file: one line
/// <c>og-lease/1 &lt;lease id&gt; &lt;duration ms | -1&gt; &lt;expiry unix ms | -1&gt; &lt;checksum&gt;</c>.
/// An empty lock file means no lease.
/// </summary>
/// <remarks>
/// The record is rewritten in place under the key lock (the lock file cannot be replaced by rename, or a
/// waiter would lock a stale inode), so a crash mid-write could tear it; the FNV-1a checksum turns a torn
/// record into "no lease" instead of a wrong expiry. Only an operation that had not returned can be torn,
/// so its caller never believed the outcome.
/// </remarks>
internal static class LeaseRecord
{
    private const string Magic = "og-lease/1";

    public static byte[] Serialize(LeaseState lease)
    {
        var durationMs = lease.Duration == Timeout.InfiniteTimeSpan ? -1 : (long)lease.Duration.TotalMilliseconds;
        var expiresMs = lease.ExpiresAt is { } expiresAt ? expiresAt.ToUnixTimeMilliseconds() : -1;
        var body = string.Create(CultureInfo.InvariantCulture, $"{Magic} {lease.LeaseId} {durationMs} {expiresMs}");
        return Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{body} {Checksum(body):x16}\n"));
    }

    public static bool TryParse(ReadOnlySpan<byte> bytes, out LeaseState lease)
    {
        lease = default;
        if (bytes.Length < Magic.Length + 2 || bytes[^1] != (byte)'\n')
        {
            return false;
        }

        var line = Encoding.ASCII.GetString(bytes[..^1]);
        var checksumAt = line.LastIndexOf(' ');
        if (checksumAt < 0
            || !ulong.TryParse(line.AsSpan(checksumAt + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var checksum)
            || checksum != Checksum(line.AsSpan(0, checksumAt)))
        {
            return false;
        }

        var parts = line[..checksumAt].Split(' ');
        if (parts.Length != 4
            || parts[0] != Magic
            || parts[1].Length == 0
            || !long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var durationMs)
            || !long.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var expiresMs))
        {
            return false;
        }

        var duration = durationMs < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(durationMs);
        DateTimeOffset? expiresAt = expiresMs < 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(expiresMs);
        lease = new LeaseState(parts[1], duration, expiresAt);
        return true;
    }

    private static ulong Checksum(ReadOnlySpan<char> text)
    {
        const ulong offsetBasis = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offsetBasis;
        foreach (var c in text)
        {
            hash = (hash ^ c) * prime;
        }

        return hash;
    }
}
