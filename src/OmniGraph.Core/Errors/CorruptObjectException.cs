namespace OmniGraph;

/// <summary>
/// A stored object is damaged or missing although a published object refers to it: its bytes fail their checksum (the
/// store's check), its document does not make sense (the engine's strict reading), or the chain of versions proves it was
/// lost. The object is reported, never served. Code <c>corrupt_object</c>; details <see cref="ErrorDetail.Key"/> and
/// <see cref="ErrorDetail.Reason"/>. A subclass because recovery and examination catch it to report rather than fail.
/// </summary>
public sealed class CorruptObjectException : OmniGraphException
{
    /// <summary>Creates the error for the object at <paramref name="key"/>.</summary>
    public CorruptObjectException(string key, string reason, Exception? innerException = null)
        : this(ErrorCodes.CorruptObject, $"stored object '{key}' is corrupt: {reason}", ErrorDetails.Of(ErrorDetail.Key.With(key), ErrorDetail.Reason.With(reason)), innerException)
    {
    }

    /// <summary>Rebuilds the error from its parts (see <see cref="OmniGraphException.Rebuild"/>).</summary>
    public CorruptObjectException(string code, string message, ErrorDetails details, Exception? innerException)
        : base(code, message, details, innerException)
    {
    }

    /// <summary>The key of the damaged object.</summary>
    public string Key => Get(ErrorDetail.Key) ?? string.Empty;

    /// <summary>What is wrong with it.</summary>
    public string Reason => Get(ErrorDetail.Reason) ?? string.Empty;
}
