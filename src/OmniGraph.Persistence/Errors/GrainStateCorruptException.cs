namespace OmniGraph.Persistence;

/// <summary>A stored grain state object is not valid JSON for the state type; the record is left as it is.</summary>
public sealed class GrainStateCorruptException : OmniGraphException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "grain_state_corrupt";

    /// <summary>Creates the exception; <paramref name="reason"/> says what is wrong in our words (see <c>JsonSyntax.DescribeFailure</c>).</summary>
    public GrainStateCorruptException(string key, Type stateType, string reason, Exception innerException)
        : base(ErrorCode, $"grain state object '{key}' cannot be read as {stateType.Name}: {reason}", innerException)
    {
        Key = key;
    }

    /// <summary>The object key of the record.</summary>
    public string Key { get; }
}
