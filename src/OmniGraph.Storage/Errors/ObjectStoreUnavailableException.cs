namespace OmniGraph.Storage;

/// <summary>The backend could not be reached or failed (I/O error, disk full, service error).</summary>
public sealed class ObjectStoreUnavailableException : ObjectStoreException
{
    public const string ErrorCode = "store_unavailable";

    public ObjectStoreUnavailableException(string key, string message, Exception? innerException = null)
        : base(ErrorCode, key, message, innerException)
    {
    }
}
