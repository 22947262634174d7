namespace OmniGraph.Engine;

/// <summary>A write request that does not fit the schema or the API. Nothing was written. Code <c>invalid_write</c> (HTTP 400).</summary>
public sealed class InvalidWriteException : OmniGraphException
{
    public InvalidWriteException(string table, string reason)
        : base(EngineErrorCodes.InvalidWrite, $"invalid write to {table}: {reason}")
    {
        Table = table;
        Reason = reason;
    }

    /// <summary>The table key (or <c>graph</c> for the request as a whole).</summary>
    public string Table { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
