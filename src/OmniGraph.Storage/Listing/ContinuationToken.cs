using System.Buffers.Text;
using System.Text;

namespace OmniGraph.Storage;

/// <summary>
/// Continuation tokens of the memory and local backends: the last key of the previous page, versioned and
/// base64url-encoded so callers treat it as opaque (Azure Blob issues its own, different markers). A token is
/// only a position: the next page starts after that key, whether or not it still exists.
/// </summary>
internal static class ContinuationToken
{
    private const char Version = '1';

    public static string Encode(string lastKey)
    {
        var bytes = Encoding.UTF8.GetBytes(lastKey);
        return Version + Base64Url.EncodeToString(bytes);
    }

    /// <summary>Returns the key the token points after, or throws an <see cref="OmniGraphException"/> (<c>invalid_continuation_token</c>).</summary>
    public static string Decode(string prefix, string token)
    {
        if (token.Length < 2 || token[0] != Version)
        {
            throw StoreErrors.InvalidContinuationToken(prefix, token);
        }

        string key;
        try
        {
            key = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(1)));
        }
        catch (FormatException)
        {
            throw StoreErrors.InvalidContinuationToken(prefix, token);
        }

        if (!ObjectKey.IsValid(key))
        {
            throw StoreErrors.InvalidContinuationToken(prefix, token);
        }

        return key;
    }
}
