namespace Orleans;

/// <summary>A client of the cluster. In process it is the co-hosted client registered by <c>UseOrleans</c>.</summary>
public interface IClusterClient : IGrainFactory
{
    /// <summary>The client's services.</summary>
    IServiceProvider ServiceProvider { get; }
}
