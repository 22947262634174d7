using System.Buffers;
using System.Globalization;
using System.Text;

namespace OmniGraph.Storage.Local;

/// <summary>
/// The fixed 64-byte text line that starts every local data file:
/// <c>og-object/1 etag=&lt;26-char ULID&gt; crc32c=&lt;8 hex digits&gt;</c>, padded with spaces, ending in a newline.
/// </summary>
/// <remarks>
/// <para>Why a stored write id rather than an entity tag derived from <c>stat</c> (inode, change time, size): inode
/// numbers are reused as soon as a replaced file is freed, and ext4 stamps change times from a coarse clock
/// (a few milliseconds) on most kernels, so two quick rewrites of the same size could repeat an old tag and
/// let a stale compare-and-swap succeed. A 128-bit id minted per write cannot repeat; it is read from the same
/// open file handle as the bytes, so a tag always belongs to the bytes returned with it; it survives reopen
/// and is the same for every process. The ULID's timestamp doubles as the last-modified time, and the line
/// keeps a file self-describing for a person who opens it.</para>
/// <para>The checksum (<see cref="ObjectChecksum"/>) covers the key and the content, so a byte changed, a file cut
/// short and another object's file copied over this one are all caught when the object is read. Files written before
/// the checksum existed have only the tag (the rest of the line is spaces) and are read unchecked; older builds ignore
/// the checksum field, so the format stays <c>og-object/1</c> both ways.</para>
/// </remarks>
internal static class ObjectFileHeader
{
    public const int Size = 64;

    private const int ChecksumDigits = 8;

    private static ReadOnlySpan<byte> Magic => "og-object/1 etag="u8;

    private static ReadOnlySpan<byte> ChecksumField => " crc32c="u8;

    private static readonly SearchValues<byte> s_lowerHex = SearchValues.Create("0123456789abcdef"u8);

    public static void Write(Span<byte> destination, Ulid eTag, uint checksum)
    {
        destination = destination[..Size];
        destination.Fill((byte)' ');
        Magic.CopyTo(destination);
        var position = Magic.Length;
        position += Encoding.ASCII.GetBytes(eTag.ToString(), destination[position..]);
        ChecksumField.CopyTo(destination[position..]);
        position += ChecksumField.Length;
        checksum.TryFormat(destination.Slice(position, ChecksumDigits), out _, "x8", CultureInfo.InvariantCulture);
        destination[Size - 1] = (byte)'\n';
    }

    /// <summary>
    /// Parses a header; <c>false</c> when the bytes are not one (a foreign or damaged file). <paramref name="checksum"/>
    /// is <c>null</c> for a header written before checksums existed (spaces where the field would be).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> header, out string eTag, out DateTimeOffset lastModified, out uint? checksum)
    {
        eTag = string.Empty;
        lastModified = default;
        checksum = null;
        if (header.Length < Size || !header.StartsWith(Magic) || header[Size - 1] != (byte)'\n')
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(header.Slice(Magic.Length, Ulid.Length));
        if (!Ulid.TryParse(text, out var ulid))
        {
            return false;
        }

        // The rest of the line is either all spaces (no checksum) or exactly the checksum field and spaces: anything
        // else is damage, and guessing which part is intact would let damage pass as a file without a checksum.
        var rest = header[(Magic.Length + Ulid.Length)..(Size - 1)];
        if (rest.StartsWith(ChecksumField))
        {
            var digits = rest.Slice(ChecksumField.Length, ChecksumDigits);
            if (digits.ContainsAnyExcept(s_lowerHex)
                || rest[(ChecksumField.Length + ChecksumDigits)..].ContainsAnyExcept((byte)' ')
                || !uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            checksum = value;
        }
        else if (rest.ContainsAnyExcept((byte)' '))
        {
            return false;
        }

        eTag = text.ToUpperInvariant();
        lastModified = DateTimeOffset.FromUnixTimeMilliseconds(ulid.TimestampMilliseconds);
        return true;
    }
}
