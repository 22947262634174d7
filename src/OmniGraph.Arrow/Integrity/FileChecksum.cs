using System.Globalization;

namespace OmniGraph.Arrow.Integrity;

/// <summary>
/// The OmniGraph integrity scheme for Arrow IPC files, which have no checksum of their own. The writer puts a
/// CRC-32C of the whole file, as 8 lowercase hex digits, in the Footer's custom_metadata under <see cref="FooterKey"/>.
/// The CRC is computed over the file with those 8 digits replaced by <see cref="Placeholder"/>, so it can be
/// written into the file it covers. The Schema message additionally carries <see cref="MarkerKey"/> in its
/// Message.custom_metadata: a corruption that hides the footer entry (a flipped key byte, a broken vtable slot)
/// is then still caught, because the marker — in a different part of the file — says a checksum must exist.
/// Other Arrow readers ignore both entries.
/// </summary>
internal static class FileChecksum
{
    /// <summary>Footer custom_metadata key holding the checksum.</summary>
    public const string FooterKey = "omnigraph.crc32c";

    /// <summary><see cref="FooterKey"/> as UTF-8, for comparing keys without decoding them.</summary>
    public static ReadOnlySpan<byte> FooterKeyUtf8 => "omnigraph.crc32c"u8;

    /// <summary>Schema-message custom_metadata key announcing that the footer holds a checksum.</summary>
    public const string MarkerKey = "omnigraph.integrity";

    /// <summary>Value of <see cref="MarkerKey"/> for the CRC-32C footer scheme.</summary>
    public const string MarkerValue = "crc32c-footer";

    /// <summary>Number of hex digits of the checksum text.</summary>
    public const int TextLength = 8;

    /// <summary>What the checksum text is replaced with while the CRC is computed.</summary>
    public static ReadOnlySpan<byte> Placeholder => "00000000"u8;

    public static string Format(uint crc) => crc.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>Parses 8 lowercase hex digits, exactly as <see cref="Format"/> writes them.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out uint crc)
    {
        crc = 0;
        if (text.Length != TextLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            uint digit;
            if (c is >= (byte)'0' and <= (byte)'9')
            {
                digit = (uint)(c - '0');
            }
            else if (c is >= (byte)'a' and <= (byte)'f')
            {
                digit = (uint)(c - 'a' + 10);
            }
            else
            {
                return false;
            }

            crc = (crc << 4) | digit;
        }

        return true;
    }

    /// <summary>CRC-32C of <paramref name="file"/> with the checksum text at <paramref name="textPosition"/> replaced by the placeholder.</summary>
    public static uint Compute(ReadOnlySpan<byte> file, int textPosition)
    {
        var crc = Crc32C.Append(0, file[..textPosition]);
        crc = Crc32C.Append(crc, Placeholder);
        return Crc32C.Append(crc, file[(textPosition + TextLength)..]);
    }
}
