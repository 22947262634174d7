using OmniGraph.Abstractions;
using OmniGraph.Query.Lint;
using OmniGraph.Schema;

namespace OmniGraph.Execution;

/// <summary>Lint through <see cref="IGraphClient"/>: checks a query file against the accepted schema of a branch, without running it.</summary>
public static class GraphClientLintExtensions
{
    /// <summary>
    /// Parses and type-checks every query of <paramref name="querySource"/> against the schema of
    /// <paramref name="branch"/>'s head (languages.md §4.5). Nothing runs and nothing is written.
    /// </summary>
    /// <param name="client">The graph client.</param>
    /// <param name="querySource">The <c>.gq</c> source.</param>
    /// <param name="queryPath">The file the source came from, reported as <c>query_path</c>.</param>
    /// <param name="graphLocation">How the report names the graph (<c>schema_source.path</c>).</param>
    /// <param name="branch">The branch whose schema is used.</param>
    /// <param name="cancellationToken">Stops waiting for the schema.</param>
    public static async Task<LintReport> LintAsync(
        this IGraphClient client,
        string querySource,
        string? queryPath = null,
        string? graphLocation = null,
        string branch = BranchNames.Main,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(querySource);
        var schema = await client.GetSchemaAsync(branch, cancellationToken).ConfigureAwait(false);
        var catalog = SchemaCatalog.Compile(schema.SchemaSource);
        return QueryLinter.Lint(querySource, catalog, new LintSchemaSource(LintSchemaSourceKind.Graph, graphLocation ?? client.GraphId), queryPath);
    }
}
