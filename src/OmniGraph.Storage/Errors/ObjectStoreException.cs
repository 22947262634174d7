namespace OmniGraph.Storage;

/// <summary>Base of every object-store failure.</summary>
public abstract class ObjectStoreException : OmniGraphException
{
    protected ObjectStoreException(string code, string key, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
        Key = key;
    }

    /// <summary>The key the operation addressed.</summary>
    public string Key { get; }
}
