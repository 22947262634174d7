namespace OmniGraph.Abstractions;

/// <summary>Read queries through <see cref="IGraphClient"/>: what the CLI's <c>query</c> and an HTTP front-end call.</summary>
public static class GraphClientQueryExtensions
{
    /// <summary>Runs a read query (see <see cref="IQueryGrain.ExecuteAsync"/>).</summary>
    /// <param name="client">The graph client.</param>
    /// <param name="source">The <c>.gq</c> source.</param>
    /// <param name="queryName">The query to run, or <c>null</c> when the source declares exactly one.</param>
    /// <param name="parametersJson">The parameters as a JSON object, or <c>null</c>.</param>
    /// <param name="target">Branch head or snapshot (default: the head of main).</param>
    /// <param name="cancellationToken">Stops the query (the grains check it in their loops) and the wait for it.</param>
    public static Task<QueryResult> QueryAsync(
        this IGraphClient client,
        string source,
        string? queryName = null,
        string? parametersJson = null,
        QueryTarget? target = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(source);
        var request = new QueryRequest(source, queryName, parametersJson, target ?? QueryTarget.Head());
        return client.Grains.GetGrain<IQueryGrain>(client.GraphId).ExecuteAsync(request, cancellationToken);
    }
}
