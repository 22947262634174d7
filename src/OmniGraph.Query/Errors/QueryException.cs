using OmniGraph.Schema;

namespace OmniGraph.Query;

/// <summary>
/// A query could not be parsed, type-checked, selected or bound to its parameters. <see cref="OmniGraphException.Code"/>
/// is one of the <c>query_*</c> codes of <see cref="ErrorCodes"/>; details <see cref="ErrorDetail.Reason"/>, the position
/// (<see cref="ErrorDetail.Line"/>, <see cref="ErrorDetail.Column"/>) when known, and for a parameter error
/// <see cref="ErrorDetail.Parameter"/>. Raised before any I/O, so a failing query never has a partial effect. A subclass
/// because the linter catches it to report a finding instead of failing.
/// </summary>
/// <remarks>
/// Parse errors render as <c>parse error: line L, column C: …</c>; type errors as
/// <c>type error: Tn: … (at line L, column C)</c> (see <see cref="QueryTypeException"/>).
/// </remarks>
public class QueryException : OmniGraphException
{
    /// <summary>Creates the error.</summary>
    public QueryException(string code, string message, string reason, SourcePosition position = default, Exception? innerException = null)
        : this(code, message, SourceErrorDetails.Of(reason, position.Line, position.Column), innerException)
    {
    }

    /// <summary>Rebuilds the error from its parts (see <see cref="OmniGraphException.Rebuild"/>).</summary>
    public QueryException(string code, string message, ErrorDetails details, Exception? innerException)
        : base(code, message, details, innerException)
    {
    }

    /// <summary>The rule text without position decoration.</summary>
    public string Reason => Get(ErrorDetail.Reason) ?? string.Empty;

    /// <summary>Where in the query source the problem is; <see cref="SourcePosition.None"/> when unknown.</summary>
    public SourcePosition Position => new((int)Get(ErrorDetail.Line), (int)Get(ErrorDetail.Column));

    /// <summary>The offending parameter of a parameter error; <c>null</c> when the whole params document is at fault.</summary>
    public string? ParameterName => Get(ErrorDetail.Parameter);

    /// <summary>A parameter error: <c>query_parameter_invalid</c> or <c>query_parameter_missing</c>.</summary>
    internal static QueryException Parameter(string code, string message, string? parameterName, Exception? innerException = null) =>
        new(code, message, ErrorDetails.Of(ErrorDetail.Reason.With(message), ErrorDetail.Parameter.With(parameterName)), innerException);
}
