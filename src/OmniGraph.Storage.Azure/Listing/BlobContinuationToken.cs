namespace OmniGraph.Storage.Azure;

/// <summary>
/// Continuation tokens of the blob store: the service's own marker, bound to the listing prefix it was issued for, in the
/// storage core's versioned envelope. Binding the prefix and the version lets the store refuse a token of another listing
/// or another backend as an <see cref="OmniGraphException"/> (<c>invalid_continuation_token</c>) before it reaches the service (whose markers
/// are opaque and which might otherwise resume somewhere unrelated).
/// </summary>
internal static class BlobContinuationToken
{
    // Distinct from the memory and local backends' '1', so their tokens are refused here and ours there.
    private const char Version = 'b';

    // No key or prefix contains a control character, so a line feed cleanly ends the prefix.
    private const char Separator = '\n';

    public static string Encode(string prefix, string marker) => ContinuationToken.Wrap(Version, prefix + Separator + marker);

    /// <summary>The service marker of <paramref name="token"/>, or an <see cref="OmniGraphException"/> (<c>invalid_continuation_token</c>).</summary>
    public static string Decode(string prefix, string token)
    {
        var payload = ContinuationToken.Unwrap(Version, prefix, token);
        var separator = payload.IndexOf(Separator, StringComparison.Ordinal);
        if (separator < 0 || !string.Equals(payload[..separator], prefix, StringComparison.Ordinal) || separator == payload.Length - 1)
        {
            throw StoreErrors.InvalidContinuationToken(prefix, token);
        }

        return payload[(separator + 1)..];
    }
}
