namespace OmniGraph.Storage;

/// <summary>No object has the requested key.</summary>
public sealed class ObjectNotFoundException : ObjectStoreException
{
    public const string ErrorCode = "object_not_found";

    public ObjectNotFoundException(string key, string location)
        : base(ErrorCode, key, $"object '{key}' not found in {location}")
    {
    }
}
