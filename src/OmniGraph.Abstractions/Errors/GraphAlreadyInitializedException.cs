namespace OmniGraph.Engine;

/// <summary>Init found a graph already at the root (or lost the race to another init). Nothing was changed. Code <c>already_initialized</c> (HTTP 409).</summary>
public sealed class GraphAlreadyInitializedException : OmniGraphException
{
    public GraphAlreadyInitializedException(string location)
        : base(EngineErrorCodes.AlreadyInitialized, $"a graph already exists at {location}")
    {
        Location = location;
    }

    /// <summary>The graph root.</summary>
    public string Location { get; }
}
