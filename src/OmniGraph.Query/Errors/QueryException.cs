using OmniGraph.Schema;

namespace OmniGraph.Query;

/// <summary>
/// A query could not be parsed, type-checked, selected or bound to its parameters.
/// <see cref="OmniGraphException.Code"/> is one of <see cref="QueryErrorCodes"/>. Raised before any I/O, so a
/// failing query never has a partial effect.
/// </summary>
/// <remarks>
/// Parse errors render as <c>parse error: line L, column C: …</c>; type errors as
/// <c>type error: Tn: … (at line L, column C)</c> (see <see cref="QueryTypeException"/>).
/// </remarks>
public class QueryException : OmniGraphException
{
    public QueryException(string code, string message, string reason, SourcePosition position = default, Exception? innerException = null)
        : base(code, message, innerException)
    {
        Reason = reason;
        Position = position;
    }

    /// <summary>The rule text without prefix or location, for example <c>expected '{', found 'x'</c>.</summary>
    public string Reason { get; }

    /// <summary>Where in the query source the problem is, or <see cref="SourcePosition.None"/>.</summary>
    public SourcePosition Position { get; }
}
