namespace OmniGraph.Ingest;

/// <summary>
/// A record names a type the schema does not declare: <c>line N: unknown node type 'X'</c> or
/// <c>line N: unknown edge type 'X'</c>. Code <c>unknown_type</c>.
/// </summary>
public sealed class UnknownTypeException : IngestException
{
    internal UnknownTypeException(long line, bool isEdge, string typeName)
        : base(IngestErrorCodes.UnknownType, AtLine(line, Describe(isEdge, typeName)), Describe(isEdge, typeName), line, isEdge ? "edge" : "type", null, null)
    {
        IsEdge = isEdge;
        TypeName = typeName;
    }

    /// <summary><c>true</c> when the record was an edge record.</summary>
    public bool IsEdge { get; }

    /// <summary>The type name as written in the record.</summary>
    public string TypeName { get; }

    private static string Describe(bool isEdge, string typeName) => $"unknown {(isEdge ? "edge" : "node")} type '{typeName}'";
}
