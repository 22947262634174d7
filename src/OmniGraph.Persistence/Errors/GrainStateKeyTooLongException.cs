namespace OmniGraph.Persistence;

/// <summary>
/// A grain's state cannot be stored because its object key (state name, grain type and grain key, escaped) would
/// exceed the object store's key limit. Nothing is read or written.
/// </summary>
public sealed class GrainStateKeyTooLongException : OmniGraphException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "grain_state_key_too_long";

    /// <summary>Creates the exception.</summary>
    public GrainStateKeyTooLongException(string stateName, string grainId, int keyBytes, int maxBytes)
        : base(ErrorCode, $"the state '{stateName}' of grain '{grainId}' would need an object key of {keyBytes} UTF-8 bytes; the limit is {maxBytes}")
    {
        StateName = stateName;
        GrainId = grainId;
    }

    /// <summary>The state name.</summary>
    public string StateName { get; }

    /// <summary>The grain id (<c>type/key</c>).</summary>
    public string GrainId { get; }
}
