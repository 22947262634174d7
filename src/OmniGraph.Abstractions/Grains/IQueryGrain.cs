namespace OmniGraph.Abstractions;

/// <summary>
/// Runs read queries of one graph (key: the graph id; one reentrant stateless worker per silo, so a silo interleaves several reads). Each read
/// compiles the query (plans are cached), pins one snapshot from the manifest grain for its whole life and reads the
/// table grains at that snapshot's versions only.
/// </summary>
public interface IQueryGrain : IGrainWithStringKey
{
    /// <summary>Runs one read.</summary>
    /// <exception cref="OmniGraphException">
    /// A parse, type, selection or parameter error (codes <c>query_*</c>, before any table is read); an unknown branch,
    /// commit or manifest version; a resource limit.
    /// </exception>
    Task<QueryResult> ExecuteAsync(QueryRequest request, CancellationToken cancellationToken = default);
}
