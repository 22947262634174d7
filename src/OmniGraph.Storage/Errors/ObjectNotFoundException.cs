namespace OmniGraph.Storage;

/// <summary>
/// No object has the requested key. Code <c>object_not_found</c>; details <see cref="ErrorDetail.Key"/> and
/// <see cref="ErrorDetail.Location"/>. A subclass because callers probe with reads and catch the miss.
/// </summary>
public sealed class ObjectNotFoundException : OmniGraphException
{
    /// <summary>Creates the error for <paramref name="key"/> in the store at <paramref name="location"/>.</summary>
    public ObjectNotFoundException(string key, string location)
        : this(ErrorCodes.ObjectNotFound, $"object '{key}' not found in {location}", ErrorDetails.Of(ErrorDetail.Key.With(key), ErrorDetail.Location.With(location)), null)
    {
    }

    /// <summary>Rebuilds the error from its parts (see <see cref="OmniGraphException.Rebuild"/>).</summary>
    public ObjectNotFoundException(string code, string message, ErrorDetails details, Exception? innerException)
        : base(code, message, details, innerException)
    {
    }

    /// <summary>The key that was asked for.</summary>
    public string Key => Get(ErrorDetail.Key) ?? string.Empty;
}
