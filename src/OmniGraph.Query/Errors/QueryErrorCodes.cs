namespace OmniGraph.Query;

/// <summary>
/// The stable error codes a <see cref="QueryException"/> carries. Codes are part of the public contract (the CLI
/// prints them, the HTTP front-end maps every one of them to 400 Bad Request); never rename one.
/// </summary>
public static class QueryErrorCodes
{
    /// <summary>The text does not match the <c>.gq</c> grammar, or a lexical or declaration rule fails.</summary>
    public const string ParseError = "query_parse_error";

    /// <summary>A query violates a type rule (T1…T24); see <see cref="QueryTypeException.Rule"/>.</summary>
    public const string TypeError = "query_type_error";

    /// <summary>A mutation query mixes inserts/updates with deletes (rule D2).</summary>
    public const string MixedMutation = "query_mixed_mutation";

    /// <summary>The source holds no query declaration (empty text, or only comments).</summary>
    public const string EmptySource = "query_empty_source";

    /// <summary>A query name was given but the source declares no query of that name.</summary>
    public const string QueryNotFound = "query_not_found";

    /// <summary>No query name was given and the source declares several queries.</summary>
    public const string QueryNameRequired = "query_name_required";

    /// <summary>A read was run as a mutation, or a mutation as a read.</summary>
    public const string KindMismatch = "query_kind_mismatch";

    /// <summary>A parameter value (or the params document) does not fit the declared parameter types.</summary>
    public const string InvalidParameter = "query_parameter_invalid";

    /// <summary>A required parameter the query references was not supplied.</summary>
    public const string MissingParameter = "query_parameter_missing";
}
