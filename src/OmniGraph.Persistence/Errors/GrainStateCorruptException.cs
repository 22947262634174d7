namespace OmniGraph.Persistence;

/// <summary>
/// A stored grain state object is not valid JSON for the state type; the record is left as it is. Code
/// <c>grain_state_corrupt</c>; details <see cref="ErrorDetail.Key"/> and <see cref="ErrorDetail.Reason"/>. A subclass
/// because the engine's grain storage catches it to report the record as <c>corrupt_object</c>.
/// </summary>
public sealed class GrainStateCorruptException : OmniGraphException
{
    /// <summary>Creates the exception; <paramref name="reason"/> says what is wrong in our words (see <c>JsonSyntax.DescribeFailure</c>).</summary>
    public GrainStateCorruptException(string key, Type stateType, string reason, Exception innerException)
        : this(
            ErrorCodes.GrainStateCorrupt,
            $"grain state object '{key}' cannot be read as {stateType.Name}: {reason}",
            ErrorDetails.Of(ErrorDetail.Key.With(key), ErrorDetail.Reason.With(reason)),
            innerException)
    {
    }

    /// <summary>Rebuilds the error from its parts (see <see cref="OmniGraphException.Rebuild"/>).</summary>
    public GrainStateCorruptException(string code, string message, ErrorDetails details, Exception? innerException)
        : base(code, message, details, innerException)
    {
    }

    /// <summary>The object key of the record.</summary>
    public string Key => Get(ErrorDetail.Key) ?? string.Empty;

    /// <summary>What is wrong with it.</summary>
    public string Reason => Get(ErrorDetail.Reason) ?? string.Empty;
}
