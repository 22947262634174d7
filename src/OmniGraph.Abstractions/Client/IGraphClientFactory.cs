
namespace OmniGraph.Abstractions;

/// <summary>Creates <see cref="IGraphClient"/>s for the graphs of a silo (what an ASP.NET front-end injects).</summary>
public interface IGraphClientFactory
{
    /// <summary>The client of graph <paramref name="graphId"/>.</summary>
    IGraphClient GetClient(string graphId);
}
