namespace OmniGraph.Schema;

/// <summary>
/// A schema could not be parsed, failed catalog validation, or a schema artifact (IR, check pattern)
/// is unusable. <see cref="OmniGraphException.Code"/> is one of <see cref="SchemaErrorCodes"/>.
/// </summary>
/// <remarks>
/// Parse errors render as <c>parse error: line L, column C: …</c>; catalog errors as
/// <c>catalog error: … (at line L, column C)</c>, so the rule text stays a contiguous substring.
/// </remarks>
public sealed class SchemaException : OmniGraphException
{
    public SchemaException(string code, string message, string reason, SourcePosition position = default, Exception? innerException = null)
        : base(code, message, innerException)
    {
        Reason = reason;
        Position = position;
    }

    /// <summary>The rule text without prefix or location, for example <c>duplicate node type: Person</c>.</summary>
    public string Reason { get; }

    /// <summary>Where in the source the problem is, or <see cref="SourcePosition.None"/>.</summary>
    public SourcePosition Position { get; }
}
