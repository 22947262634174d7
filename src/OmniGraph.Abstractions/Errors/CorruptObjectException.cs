namespace OmniGraph.Engine;

/// <summary>
/// A stored object is malformed (bad JSON, a missing or out-of-range field, a bad Arrow file, a checksum mismatch) or is
/// missing although a published object refers to it. Reported loudly and never papered over. Code <c>corrupt_object</c>.
/// </summary>
public sealed class CorruptObjectException : OmniGraphException
{
    public CorruptObjectException(string key, string reason, Exception? innerException = null)
        : base(EngineErrorCodes.CorruptObject, $"stored object '{key}' is corrupt: {reason}", innerException)
    {
        Key = key;
        Reason = reason;
    }

    /// <summary>The object key.</summary>
    public string Key { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
