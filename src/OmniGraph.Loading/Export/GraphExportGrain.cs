using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Hosting;
using OmniGraph.Grains.Schema;
using OmniGraph.Ingest;
using OmniGraph.Loading.Hosting;
using OmniGraph.Schema;

namespace OmniGraph.Loading.Export;

/// <summary>
/// Exports a branch (see <see cref="IGraphExportGrain"/>): pins the head once, then for each selected type reads the
/// table's live rows page by page from the grain of the chain that holds the version (where it is warm) and formats
/// them with <see cref="JsonlExportWriter"/>. Memory holds one page and the chunks it produced, never the export.
/// </summary>
/// <remarks>
/// A keyed grain, one per export (not a stateless worker): the enumeration spans many calls, and each must reach this
/// activation. It deactivates as soon as the export ends.
/// </remarks>
internal sealed class GraphExportGrain(IGraphDirectory directory, SchemaCatalogCache schemas, IOptions<OmniGraphLoadingOptions> options)
    : Grain, IGraphExportGrain
{
    private readonly OmniGraphLoadingOptions _options = options.Value;

    /// <inheritdoc />
    public async IAsyncEnumerable<ExportChunk> ExportAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(request);
            ArgumentException.ThrowIfNullOrEmpty(request.Branch);
            var graphId = GraphGrainKeys.GraphIdOf(this.GetPrimaryKeyString());
            var target = request.CommitId is { } commitId ? SnapshotTarget.AtCommit(commitId) : SnapshotTarget.Head(request.Branch);
            var snapshot = await GrainFactory.GetGrain<IManifestGrain>(graphId).ResolveSnapshotAsync(target, cancellationToken);
            var catalog = await schemas.GetAsync(await directory.GetStoreAsync(graphId), snapshot.SchemaHash);

            // Every name is checked before the first line goes out.
            var types = Select(catalog, request.TypeNames);
            var writer = new JsonlExportWriter(_options.ExportChunkBytes);
            var ready = new List<ExportChunk>();
            foreach (var type in types)
            {
                var version = snapshot.GetTable(type.TableName);
                if (version.RowCount == 0)
                {
                    continue;
                }

                var layout = TableLayout.For(type);
                var table = GrainFactory.GetGrain<ITableBranchGrain>(GraphGrainKeys.TableBranch(graphId, version.Table, version.ChainBranch));
                RowAddress? start = null;
                do
                {
                    var page = await table.ReadRowsAsync(version, start, _options.ExportPageRows, [], cancellationToken);
                    writer.WriteRows(layout, page.Rows, ready);
                    foreach (var chunk in ready)
                    {
                        yield return chunk;
                    }

                    ready.Clear();
                    start = page.Next;
                }
                while (start is not null);
            }

            if (writer.HasPendingRecords)
            {
                yield return writer.TakeChunk();
            }
        }
        finally
        {
            // One export per activation: it is done (or abandoned by its caller).
            DeactivateOnIdle();
        }
    }

    /// <summary>The types to export in schema order (node types, then edge types, each in declaration order).</summary>
    private static ImmutableArray<GraphElementType> Select(SchemaCatalog catalog, ImmutableArray<string> names)
    {
        var all = ImmutableArray.CreateBuilder<GraphElementType>(catalog.NodeTypes.Length + catalog.EdgeTypes.Length);
        all.AddRange(catalog.NodeTypes);
        all.AddRange(catalog.EdgeTypes);
        if (names.IsDefaultOrEmpty)
        {
            return all.ToImmutable();
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!catalog.TryGetNodeType(name, out _) && !catalog.TryGetEdgeTypeExact(name, out _))
            {
                throw EngineErrors.UnknownExportType(name);
            }

            wanted.Add(name);
        }

        return [.. all.Where(t => wanted.Contains(t.Name))];
    }
}
