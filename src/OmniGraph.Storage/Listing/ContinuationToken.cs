using System.Buffers.Text;
using System.Text;

namespace OmniGraph.Storage;

/// <summary>
/// Continuation tokens. Every backend's token is an envelope (<see cref="Wrap"/>, <see cref="Unwrap"/>): a version
/// character naming the backend's format, then its payload base64url-encoded, so callers treat it as opaque and a store
/// refuses another backend's tokens. The memory and local backends' payload (<see cref="Encode"/>) is the last key of
/// the previous page: a token is only a position, and the next page starts after that key, whether or not it still
/// exists. The Azure Blob backend wraps the service's own marker.
/// </summary>
internal static class ContinuationToken
{
    private const char KeyVersion = '1';

    public static string Encode(string lastKey) => Wrap(KeyVersion, lastKey);

    /// <summary>Returns the key the token points after, or throws an <see cref="OmniGraphException"/> (<c>invalid_continuation_token</c>).</summary>
    public static string Decode(string prefix, string token)
    {
        var key = Unwrap(KeyVersion, prefix, token);
        return ObjectKey.IsValid(key) ? key : throw StoreErrors.InvalidContinuationToken(prefix, token);
    }

    /// <summary>A token of format <paramref name="version"/> carrying <paramref name="payload"/>.</summary>
    public static string Wrap(char version, string payload) => version + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));

    /// <summary>
    /// The payload of a token of format <paramref name="version"/>, or an <see cref="OmniGraphException"/> (<c>invalid_continuation_token</c>)
    /// (for the listing of <paramref name="prefix"/>) when it is of another format or not an envelope at all.
    /// </summary>
    public static string Unwrap(char version, string prefix, string token)
    {
        if (token.Length < 2 || token[0] != version)
        {
            throw StoreErrors.InvalidContinuationToken(prefix, token);
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(1)));
        }
        catch (FormatException)
        {
            throw StoreErrors.InvalidContinuationToken(prefix, token);
        }
    }
}
