namespace OmniGraph.Engine;

/// <summary>A table read the table cannot answer (an unknown column, an edge operation on a node table). Code <c>invalid_request</c> (HTTP 400).</summary>
public sealed class InvalidTableRequestException : OmniGraphException
{
    public InvalidTableRequestException(string table, string reason)
        : base(EngineErrorCodes.InvalidRequest, $"invalid request to {table}: {reason}")
    {
        Table = table;
        Reason = reason;
    }

    /// <summary>The table key.</summary>
    public string Table { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
