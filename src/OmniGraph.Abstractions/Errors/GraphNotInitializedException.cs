namespace OmniGraph.Engine;

/// <summary>The graph root holds no graph (no <c>graph.json</c>). Code <c>graph_not_initialized</c> (HTTP 404).</summary>
public sealed class GraphNotInitializedException : OmniGraphException
{
    public GraphNotInitializedException(string location)
        : base(EngineErrorCodes.GraphNotInitialized, $"no graph at {location}: it has not been initialised (run init first)")
    {
        Location = location;
    }

    /// <summary>The graph root.</summary>
    public string Location { get; }
}
