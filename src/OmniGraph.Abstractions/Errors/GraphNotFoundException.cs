namespace OmniGraph.Engine;

/// <summary>The graph id is not registered with the silo's graph directory. Code <c>graph_not_found</c> (HTTP 404).</summary>
public sealed class GraphNotFoundException : OmniGraphException
{
    public GraphNotFoundException(string graphId)
        : base(EngineErrorCodes.GraphNotFound, $"graph '{graphId}' is not registered")
    {
        GraphId = graphId;
    }

    /// <summary>The graph id.</summary>
    public string GraphId { get; }
}
