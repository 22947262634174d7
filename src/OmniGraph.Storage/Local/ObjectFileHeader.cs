using System.Text;

namespace OmniGraph.Storage.Local;

/// <summary>
/// The fixed 64-byte text line that starts every local data file:
/// <c>og-object/1 etag=&lt;26-char ULID&gt;</c>, padded with spaces, ending in a newline.
/// </summary>
/// <remarks>
/// Why a stored write id rather than an entity tag derived from <c>stat</c> (inode, change time, size): inode
/// numbers are reused as soon as a replaced file is freed, and ext4 stamps change times from a coarse clock
/// (a few milliseconds) on most kernels, so two quick rewrites of the same size could repeat an old tag and
/// let a stale compare-and-swap succeed. A 128-bit id minted per write cannot repeat; it is read from the same
/// open file handle as the bytes, so a tag always belongs to the bytes returned with it; it survives reopen
/// and is the same for every process. The ULID's timestamp doubles as the last-modified time, and the line
/// keeps a file self-describing for a person who opens it.
/// </remarks>
internal static class ObjectFileHeader
{
    public const int Size = 64;

    private static ReadOnlySpan<byte> Magic => "og-object/1 etag="u8;

    public static void Write(Span<byte> destination, Ulid eTag)
    {
        destination = destination[..Size];
        destination.Fill((byte)' ');
        Magic.CopyTo(destination);
        Encoding.ASCII.GetBytes(eTag.ToString(), destination[Magic.Length..]);
        destination[Size - 1] = (byte)'\n';
    }

    /// <summary>Parses a header; <c>false</c> when the bytes are not one (a foreign or damaged file).</summary>
    public static bool TryParse(ReadOnlySpan<byte> header, out string eTag, out DateTimeOffset lastModified)
    {
        eTag = string.Empty;
        lastModified = default;
        if (header.Length < Size || !header.StartsWith(Magic) || header[Size - 1] != (byte)'\n')
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(header.Slice(Magic.Length, Ulid.Length));
        if (!Ulid.TryParse(text, out var ulid))
        {
            return false;
        }

        eTag = text.ToUpperInvariant();
        lastModified = DateTimeOffset.FromUnixTimeMilliseconds(ulid.TimestampMilliseconds);
        return true;
    }
}
