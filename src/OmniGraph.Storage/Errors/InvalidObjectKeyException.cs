namespace OmniGraph.Storage;

/// <summary>A key that could escape the store root or is not portable across backends.</summary>
public sealed class InvalidObjectKeyException : ObjectStoreException
{
    public const string ErrorCode = "invalid_object_key";

    public InvalidObjectKeyException(string key, string reason)
        : base(ErrorCode, key, $"invalid object key '{key}': {reason}")
    {
    }
}
