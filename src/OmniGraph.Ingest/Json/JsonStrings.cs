using System.Text;
using System.Text.Json;

namespace OmniGraph.Ingest;

/// <summary>Helpers for reading JSON string tokens as UTF-8 without creating strings.</summary>
internal static class JsonStrings
{
    /// <summary>
    /// The current string or property-name token as UTF-8: the raw bytes when it has no escapes (the common case),
    /// otherwise unescaped into <paramref name="scratch"/>. A lone surrogate escape is invalid JSON.
    /// </summary>
    /// <exception cref="JsonException">The token holds an escape that does not decode to valid text.</exception>
    public static ReadOnlySpan<byte> GetUtf8(ref Utf8JsonReader reader, ByteBuffer scratch)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        scratch.Clear();
        var destination = scratch.GetSpan(reader.ValueSpan.Length);
        int written;
        try
        {
            written = reader.CopyString(destination);
        }
        catch (InvalidOperationException exception)
        {
            throw new JsonException("a string holds a \\u escape that is not valid UTF-16 (lone surrogate)", exception);
        }

        scratch.Advance(written);
        return scratch.WrittenSpan;
    }

    /// <summary>Decodes UTF-8 for a message, cut to <paramref name="maxBytes"/> with an ellipsis.</summary>
    public static string Excerpt(ReadOnlySpan<byte> utf8, int maxBytes = 80)
    {
        if (utf8.Length <= maxBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        // Back off to a character boundary so the excerpt stays valid text.
        var cut = maxBytes;
        while (cut > 0 && (utf8[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return Encoding.UTF8.GetString(utf8[..cut]) + "…";
    }

    /// <summary>How a message shows the current value token: strings quoted (as written), numbers and literals as is, containers by kind.</summary>
    public static string DescribeToken(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "\"" + Excerpt(reader.ValueSpan) + "\"",
        JsonTokenType.Number => Excerpt(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => reader.TokenType.ToString(),
    };
}
