namespace OmniGraph.Grains.Hosting;

/// <summary>The persisted state of the graph registry: graph id → store location.</summary>
public sealed class GraphRegistryState
{
    /// <summary>The registered graphs.</summary>
    public SortedDictionary<string, string> Graphs { get; set; } = new(StringComparer.Ordinal);
}
