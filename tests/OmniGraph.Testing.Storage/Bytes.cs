using System.Text;

namespace OmniGraph.Testing.Storage;

/// <summary>Test payloads.</summary>
public static class Bytes
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    /// <summary>Deterministic pseudo-random bytes (same seed, same bytes), so failures reproduce.</summary>
    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
