using System.Diagnostics.CodeAnalysis;
using OmniGraph.Schema;

namespace OmniGraph.Query;

/// <summary>Cold-path throw helpers that render the documented message shapes.</summary>
internal static class QueryThrow
{
    [DoesNotReturn]
    public static void Parse(SourcePosition position, string reason) => throw ParseError(position, reason);

    [DoesNotReturn]
    public static T Parse<T>(SourcePosition position, string reason) => throw ParseError(position, reason);

    public static QueryException ParseError(SourcePosition position, string reason) =>
        new(ErrorCodes.QueryParseError,
            position.IsKnown ? $"parse error: {position}: {reason}" : $"parse error: {reason}",
            reason,
            position);

    [DoesNotReturn]
    public static void Type(TypeRule rule, SourcePosition position, string reason) =>
        throw new QueryTypeException(rule, reason, position);

    [DoesNotReturn]
    public static T Type<T>(TypeRule rule, SourcePosition position, string reason) =>
        throw new QueryTypeException(rule, reason, position);

    /// <summary>A function error (<c>query_function_*</c>): <c>function error: … (at line L, column C)</c>.</summary>
    [DoesNotReturn]
    public static void Function(string code, SourcePosition position, string reason) => throw FunctionError(code, position, reason);

    [DoesNotReturn]
    public static T Function<T>(string code, SourcePosition position, string reason) => throw FunctionError(code, position, reason);

    public static QueryException FunctionError(string code, SourcePosition position, string reason) =>
        new(code, position.IsKnown ? $"function error: {reason} (at {position})" : $"function error: {reason}", reason, position);

    [DoesNotReturn]
    public static void InvalidParameter(string name, string detail) =>
        throw QueryException.Parameter(ErrorCodes.QueryParameterInvalid, $"param '{name}': {detail}", name);

    [DoesNotReturn]
    public static T InvalidParameter<T>(string name, string detail) =>
        throw QueryException.Parameter(ErrorCodes.QueryParameterInvalid, $"param '{name}': {detail}", name);

    [DoesNotReturn]
    public static void InvalidParameterDocument(string detail, Exception? inner = null) =>
        throw QueryException.Parameter(ErrorCodes.QueryParameterInvalid, detail, null, inner);

    [DoesNotReturn]
    public static void MissingParameter(string name) =>
        throw QueryException.Parameter(ErrorCodes.QueryParameterMissing, $"parameter '{name}' not provided", name);

    /// <summary>A ranking in <c>order</c> followed by <c>asc</c>/<c>desc</c> (<c>query_search_order_direction</c>).</summary>
    [DoesNotReturn]
    public static void SearchOrderDirection(string function, SourcePosition position)
    {
        var reason = $"{function}(…) orders best first on its own and takes no asc/desc; remove the direction";
        throw new QueryException(ErrorCodes.QuerySearchOrderDirection, $"type error: {reason} (at {position})", reason, position);
    }

    [DoesNotReturn]
    public static void Selection(string code, string message) =>
        throw new QueryException(code, message, message);
}
