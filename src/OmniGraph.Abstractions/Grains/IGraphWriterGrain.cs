namespace OmniGraph.Abstractions;

/// <summary>
/// The stateless write surface of a graph (key: the graph id; one reentrant stateless worker per silo): validates a typed write
/// against its base snapshot, stages it through the table grains and commits it through the manifest grain.
/// </summary>
public interface IGraphWriterGrain : IGrainWithStringKey
{
    /// <summary>Applies one atomic write (see <see cref="GraphWriteRequest"/>).</summary>
    Task<GraphWriteResult> WriteAsync(GraphWriteRequest request, CancellationToken cancellationToken = default);
}
