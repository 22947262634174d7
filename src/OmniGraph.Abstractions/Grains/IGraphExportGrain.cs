namespace OmniGraph.Abstractions;

/// <summary>
/// Exports a branch as JSONL in the load envelope with physical ids (key: <c>{graph}/{export id}</c>, one grain per
/// export, <see cref="NewKey"/>: the caller pulls the chunks over many calls, and every pull must reach the activation
/// that holds the export's place):
/// <c>{"type":T,"data":{"id":…,…}}</c> and <c>{"edge":E,"from":…,"to":…,"data":{"id":…,…}}</c>. Loading the output into
/// a fresh graph with the same schema reproduces the exported rows exactly (ids, values, types).
/// </summary>
/// <remarks>
/// Order is deterministic: node types in schema order, then edge types in schema order; within a type, rows in storage
/// order (the order in which the table version holds them). The head is pinned once, so the export is one consistent
/// snapshot however long it takes. Rows are read and formatted page by page: the export is never built in memory.
/// </remarks>
public interface IGraphExportGrain : IGrainWithStringKey
{
    /// <summary>The export, in chunks of whole lines.</summary>
    /// <exception cref="OmniGraphException">Code <c>branch_not_found</c>: The branch does not exist.</exception>
    /// <exception cref="OmniGraphException">Code <c>unknown_type</c>: A type name the schema does not declare.</exception>
    IAsyncEnumerable<ExportChunk> ExportAsync(ExportRequest request, CancellationToken cancellationToken = default);

    /// <summary>The key of a new export of <paramref name="graphId"/>: <c>{graph}/{ULID}</c>.</summary>
    static string NewKey(string graphId)
    {
        GraphGrainKeys.ValidateGraphId(graphId);
        return $"{graphId}/{Ulid.NewUlid()}";
    }
}
