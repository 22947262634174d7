namespace OmniGraph;

/// <summary>The query language's codes (<c>.gq</c>: parsing, type checking, parameters).</summary>
public static partial class ErrorCodes
{
    /// <summary>The text does not match the <c>.gq</c> grammar, or a lexical or declaration rule fails.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string QueryParseError = "query_parse_error";

    /// <summary>A query violates a type rule (T1…T24); the error's <c>rule</c> detail names it.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string QueryTypeError = "query_type_error";

    /// <summary>A mutation query mixes inserts/updates with deletes (rule D2).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string QueryMixedMutation = "query_mixed_mutation";

    /// <summary>The source holds no query declaration (empty text, or only comments).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string QueryEmptySource = "query_empty_source";

    /// <summary>A query name was given but the source declares no query of that name.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string QueryNotFound = "query_not_found";

    /// <summary>No query name was given and the source declares several queries.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string QueryNameRequired = "query_name_required";

    /// <summary>A read was run as a mutation, or a mutation as a read.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string QueryKindMismatch = "query_kind_mismatch";

    /// <summary>A parameter value (or the params document) does not fit the declared parameter types.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string QueryParameterInvalid = "query_parameter_invalid";

    /// <summary>A required parameter the query references was not supplied.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string QueryParameterMissing = "query_parameter_missing";

    /// <summary>A call names no function of the query language (the message suggests the closest name).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string QueryFunctionUnknown = "query_function_unknown";

    /// <summary>A function is called with too few or too many arguments.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string QueryFunctionArity = "query_function_arity";

    /// <summary>A function argument is of a kind the function does not take (a number where a String is expected).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string QueryFunctionArgument = "query_function_argument";

    /// <summary>A function stands where it is not allowed (an aggregate in a filter, <c>lower</c> in a mutation value).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string QueryFunctionNotAllowed = "query_function_not_allowed";

    /// <summary>
    /// A ranking in <c>order</c> (<c>bm25(…)</c>, <c>rrf(…)</c>) is followed by <c>asc</c> or <c>desc</c>: a ranking
    /// defines its own direction (best first), so a direction would be silently ignored.
    /// </summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string QuerySearchOrderDirection = "query_search_order_direction";
}
