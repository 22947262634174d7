using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using OmniGraph.Abstractions;

namespace OmniGraph.Loading.Changes;

/// <summary>
/// Encodes change cursors and page tokens: base64url of the JSON followed by its SHA-256, so a token that was cut,
/// altered or made up is refused before anything it says is believed. Tokens are opaque to callers and hold no
/// consumer state on the server; what they bind (graph, branch incarnation, filter, commit) is checked on use.
/// </summary>
internal static class ChangeTokens
{
    private const int DigestBytes = 32;

    /// <summary>The token text.</summary>
    public static string Encode(ChangeToken token)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(token, ChangeTokenJsonContext.Default.ChangeToken);
        var bytes = new byte[json.Length + DigestBytes];
        json.CopyTo(bytes, 0);
        SHA256.HashData(json, bytes.AsSpan(json.Length));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Reads a token of <paramref name="kind"/>, issued for this graph and filter.</summary>
    /// <exception cref="OmniGraphException">Code <c>change_cursor_rejected</c>: Malformed, altered, of another kind, graph or filter.</exception>
    public static ChangeToken Decode(string text, string kind, string genesis, string filterDigest)
    {
        if (string.IsNullOrEmpty(text) || text.Length > ChangeLimits.MaxTokenLength)
        {
            throw EngineErrors.ChangeCursorRejected(text.Length == 0 ? "it is empty" : $"it is longer than {ChangeLimits.MaxTokenLength} characters");
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            throw EngineErrors.ChangeCursorRejected("it is not a token this server issued (not base64url)");
        }

        if (bytes.Length <= DigestBytes || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - DigestBytes)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - DigestBytes)))
        {
            throw EngineErrors.ChangeCursorRejected("it is not a token this server issued (its digest does not match)");
        }

        ChangeToken? token;
        try
        {
            token = JsonSerializer.Deserialize(bytes.AsSpan(0, bytes.Length - DigestBytes), ChangeTokenJsonContext.Default.ChangeToken);
        }
        catch (JsonException)
        {
            token = null;
        }

        if (token is null)
        {
            throw EngineErrors.ChangeCursorRejected("its content is unreadable");
        }

        if (!string.Equals(token.Kind, kind, StringComparison.Ordinal))
        {
            throw EngineErrors.ChangeCursorRejected($"it is a {token.Kind} token where a {kind} token is expected");
        }

        if (!string.Equals(token.Genesis, genesis, StringComparison.Ordinal))
        {
            throw EngineErrors.ChangeCursorRejected("it was issued for another graph");
        }

        if (!string.Equals(token.Filter, filterDigest, StringComparison.Ordinal))
        {
            throw EngineErrors.ChangeCursorRejected("it was issued under another filter (kind, type, op); use the same filter, or start a new feed");
        }

        return token;
    }
}
