namespace OmniGraph.Storage;

/// <summary>
/// A stored object's bytes are damaged: its file header is unreadable, or its checksum does not match the bytes and the
/// key they were written under (the file was truncated, a byte changed, or another object's file was copied over it).
/// The object is reported, never returned. The code is the engine's <c>corrupt_object</c>: to a user it is the same
/// failure as an object whose content does not make sense.
/// </summary>
public sealed class ObjectCorruptException : ObjectStoreException
{
    /// <summary>The stable error code (shared with the engine's <c>CorruptObjectException</c>).</summary>
    public const string ErrorCode = "corrupt_object";

    /// <summary>Creates the exception.</summary>
    public ObjectCorruptException(string key, string reason, Exception? innerException = null)
        : base(ErrorCode, key, $"stored object '{key}' is corrupt: {reason}", innerException)
    {
        Reason = reason;
    }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
