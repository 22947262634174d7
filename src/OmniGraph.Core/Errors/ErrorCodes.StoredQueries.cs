namespace OmniGraph;

/// <summary>The codes of a graph's stored (named) queries.</summary>
public static partial class ErrorCodes
{
    /// <summary>No stored query of that name is registered with the graph, or the caller may not invoke it (the two answers are identical).</summary>
    [ErrorCode(ErrorKind.NotFound)]
    public const string StoredQueryNotFound = "stored_query_not_found";

    /// <summary>A stored query of that name is already registered with the graph (add it with --replace to change it).</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string StoredQueryExists = "stored_query_exists";
}
