namespace OmniGraph.Engine;

/// <summary>A table key the graph's schema does not declare. Code <c>unknown_table</c> (HTTP 400).</summary>
public sealed class UnknownTableException : OmniGraphException
{
    public UnknownTableException(string table)
        : base(EngineErrorCodes.UnknownTable, $"unknown table '{table}'")
    {
        Table = table;
    }

    /// <summary>The table key that was asked for.</summary>
    public string Table { get; }
}
