
namespace OmniGraph.Abstractions;

/// <summary>Creates <see cref="GraphClient"/>s over the silo's grain factory.</summary>
public sealed class GraphClientFactory(IGrainFactory grains) : IGraphClientFactory
{
    /// <inheritdoc />
    public IGraphClient GetClient(string graphId)
    {
        GraphGrainKeys.ValidateGraphId(graphId);
        return new GraphClient(grains, graphId);
    }
}
