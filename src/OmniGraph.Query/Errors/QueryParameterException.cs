namespace OmniGraph.Query;

/// <summary>
/// Parameter values do not fit the query's declared parameters: a value of the wrong JSON kind or out of range
/// (<c>query_parameter_invalid</c>, message <c>param 'x': …</c>), a params document that is not a JSON object,
/// or a referenced required parameter that was not supplied (<c>query_parameter_missing</c>,
/// <c>parameter 'x' not provided</c>).
/// </summary>
public sealed class QueryParameterException : QueryException
{
    public QueryParameterException(string code, string message, string? parameterName, Exception? innerException = null)
        : base(code, message, message, default, innerException)
    {
        ParameterName = parameterName;
    }

    /// <summary>The parameter concerned (without <c>$</c>), or <c>null</c> for a problem with the whole document.</summary>
    public string? ParameterName { get; }
}
