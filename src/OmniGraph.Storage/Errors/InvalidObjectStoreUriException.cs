namespace OmniGraph.Storage;

/// <summary>
/// A store location that is malformed or names a scheme no backend handles. Code <c>invalid_store_uri</c>; details
/// <see cref="ErrorDetail.Location"/> and <see cref="ErrorDetail.Reason"/>. A subclass because options validators catch
/// it to report every bad location at once.
/// </summary>
public sealed class InvalidObjectStoreUriException : OmniGraphException
{
    /// <summary>Creates the error for <paramref name="uri"/>.</summary>
    public InvalidObjectStoreUriException(string uri, string reason)
        : this(ErrorCodes.InvalidStoreUri, $"invalid object store location '{uri}': {reason}", ErrorDetails.Of(ErrorDetail.Location.With(uri), ErrorDetail.Reason.With(reason)), null)
    {
    }

    /// <summary>Rebuilds the error from its parts (see <see cref="OmniGraphException.Rebuild"/>).</summary>
    public InvalidObjectStoreUriException(string code, string message, ErrorDetails details, Exception? innerException)
        : base(code, message, details, innerException)
    {
    }

    /// <summary>The rejected location.</summary>
    public string Uri => Get(ErrorDetail.Location) ?? string.Empty;
}
