namespace OmniGraph.Schema;

/// <summary>
/// A schema could not be parsed, failed catalog validation, or a schema artifact (IR, check pattern) is unusable.
/// <see cref="OmniGraphException.Code"/> is one of the <c>schema_*</c> codes of <see cref="ErrorCodes"/>; details
/// <see cref="ErrorDetail.Reason"/> and, when known, <see cref="ErrorDetail.Line"/> and <see cref="ErrorDetail.Column"/>.
/// A subclass because the catalog loader and the schema cache catch it to tell schema errors from storage errors.
/// </summary>
/// <remarks>
/// Parse errors render as <c>parse error: line L, column C: …</c>; catalog errors as
/// <c>catalog error: … (at line L, column C)</c>, so the rule text stays a contiguous substring.
/// </remarks>
public sealed class SchemaException : OmniGraphException
{
    /// <summary>Creates the error.</summary>
    public SchemaException(string code, string message, string reason, SourcePosition position = default, Exception? innerException = null)
        : this(code, message, SourceErrorDetails.Of(reason, position.Line, position.Column), innerException)
    {
    }

    /// <summary>Rebuilds the error from its parts (see <see cref="OmniGraphException.Rebuild"/>).</summary>
    public SchemaException(string code, string message, ErrorDetails details, Exception? innerException)
        : base(code, message, details, innerException)
    {
    }

    /// <summary>The rule text without position decoration.</summary>
    public string Reason => Get(ErrorDetail.Reason) ?? string.Empty;

    /// <summary>Where in the schema source the problem is; <see cref="SourcePosition.None"/> when unknown.</summary>
    public SourcePosition Position => new((int)Get(ErrorDetail.Line), (int)Get(ErrorDetail.Column));
}
