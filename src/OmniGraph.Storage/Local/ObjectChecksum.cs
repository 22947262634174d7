using System.Text;

namespace OmniGraph.Storage.Local;

/// <summary>
/// The checksum of a local object: CRC-32C of its key (UTF-8), a newline and its content. Binding the key means a file
/// copied under another object's name fails its check just like a damaged one; copying the whole store directory keeps
/// every key, so a copied graph still reads.
/// </summary>
internal static class ObjectChecksum
{
    public static uint Compute(string key, ReadOnlySpan<byte> content)
    {
        Span<byte> small = stackalloc byte[256];
        var length = Encoding.UTF8.GetByteCount(key) + 1;
        var buffer = length <= small.Length ? small[..length] : new byte[length];
        Encoding.UTF8.GetBytes(key, buffer);
        buffer[^1] = (byte)'\n';
        return Crc32C.Append(Crc32C.Compute(buffer), content);
    }
}
