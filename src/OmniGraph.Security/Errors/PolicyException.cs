namespace OmniGraph.Security;

/// <summary>
/// A policy bundle or a policy test file is refused: bad YAML, an unknown, repeated or missing field, or a rule that
/// breaks the bundle's rules. The message is <c>&lt;file&gt;: line L, column C: &lt;reason&gt;</c> when the place is
/// known. <see cref="OmniGraphException.Code"/> is one of the <c>policy_*</c> codes of <see cref="SecurityErrorCodes"/>.
/// </summary>
public sealed class PolicyException : OmniGraphException
{
    public PolicyException(string code, string source, string reason, YamlPosition position = default, Exception? innerException = null)
        : base(code, position.IsKnown ? $"{source}: {position}: {reason}" : $"{source}: {reason}", innerException)
    {
        SourceName = source;
        Reason = reason;
        Position = position;
    }

    /// <summary>The file (or other source) the text came from.</summary>
    public string SourceName { get; }

    /// <summary>What is wrong, without the source and position.</summary>
    public string Reason { get; }

    /// <summary>Where, or <see cref="YamlPosition.None"/>.</summary>
    public YamlPosition Position { get; }
}
