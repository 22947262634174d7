namespace OmniGraph.Storage;

/// <summary>A store location that is malformed or names a scheme no backend handles.</summary>
public sealed class InvalidObjectStoreUriException : OmniGraphException
{
    public const string ErrorCode = "invalid_store_uri";

    public InvalidObjectStoreUriException(string uri, string reason)
        : base(ErrorCode, $"invalid object store location '{uri}': {reason}")
    {
        Uri = uri;
    }

    /// <summary>The rejected location.</summary>
    public string Uri { get; }
}
