namespace OmniGraph.Engine;

/// <summary>
/// The graph was written in a storage format this build does not read: another format, or a newer storage version
/// ("upgrade omnigraph"), or an older one ("rebuild it with export and load"). Code <c>unsupported_storage_format</c>.
/// </summary>
public sealed class UnsupportedStorageFormatException : OmniGraphException
{
    public UnsupportedStorageFormatException(string key, string reason)
        : base(EngineErrorCodes.UnsupportedStorageFormat, $"unsupported storage format in '{key}': {reason}")
    {
        Key = key;
        Reason = reason;
    }

    /// <summary>The object that carries the format stamp.</summary>
    public string Key { get; }

    /// <summary>What is unsupported.</summary>
    public string Reason { get; }
}
