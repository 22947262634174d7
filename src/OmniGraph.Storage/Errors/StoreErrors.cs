namespace OmniGraph.Storage;

/// <summary>Throw helpers for the object store's errors that no caller catches by type (the others are subclasses).</summary>
public static class StoreErrors
{
    /// <summary><c>store_unavailable</c>: the store could not do the request on <paramref name="key"/>; the object is unchanged.</summary>
    public static OmniGraphException Unavailable(string key, string message, Exception? innerException = null) =>
        new(ErrorCodes.StoreUnavailable, message, ErrorDetails.Of(ErrorDetail.Key.With(key)), innerException);

    /// <summary><c>invalid_object_key</c>: <paramref name="key"/> breaks the key rules.</summary>
    public static OmniGraphException InvalidKey(string key, string reason) =>
        new(ErrorCodes.InvalidObjectKey, $"invalid object key '{key}': {reason}", ErrorDetails.Of(ErrorDetail.Key.With(key), ErrorDetail.Reason.With(reason)));

    /// <summary><c>invalid_continuation_token</c>: <paramref name="token"/> was not handed out for listing <paramref name="prefix"/>.</summary>
    public static OmniGraphException InvalidContinuationToken(string prefix, string token) =>
        new(ErrorCodes.InvalidContinuationToken, $"invalid continuation token '{token}' for listing prefix '{prefix}'", ErrorDetails.Of(ErrorDetail.Key.With(prefix), ErrorDetail.Token.With(token)));

    /// <summary>
    /// <paramref name="error"/> as seen through a key mapping: the same type, code and details, with its
    /// <see cref="ErrorDetail.Key"/> (and the key in its message) replaced by <paramref name="key"/>.
    /// </summary>
    public static OmniGraphException WithKey(OmniGraphException error, string key)
    {
        ArgumentNullException.ThrowIfNull(error);
        var inner = error.Get(ErrorDetail.Key);
        if (inner is null || inner == key)
        {
            return error;
        }

        return OmniGraphException.Rebuild(error.GetType(), error.Code, error.Message.Replace($"'{inner}'", $"'{key}'", StringComparison.Ordinal), error.Details.With(ErrorDetail.Key.Name, key), error);
    }
}
