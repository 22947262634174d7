using Microsoft.Extensions.Logging;
using OmniGraph.Arrow;
using OmniGraph.Grains.Writes;

namespace OmniGraph.Grains.Maintenance;

/// <summary>
/// <c>optimize</c> (docs/maintenance.md): every table the branch owns whose head version lists more than one fragment or
/// hides rows behind deletion vectors is rewritten as an overwrite of its live rows, read in storage order and written
/// back in that order (ids, edge ids and values unchanged), so no query's result changes; all of them in one commit
/// (kind <c>optimize</c>) through the ordinary write path, bound to the head it read (a write in between is
/// <c>read_set_conflict</c>: nothing is published, run it again). Derived indexes are built for the new versions on first
/// use, as for any version. Earlier versions keep their fragments until <c>cleanup</c> reclaims them.
/// </summary>
public sealed partial class OptimizeCoordinator(IGrainFactory grains, GraphWriteCoordinator writes, ILogger<OptimizeCoordinator> logger)
{
    /// <summary>Optimizes <paramref name="branch"/> of <paramref name="graphId"/>.</summary>
    public async Task<OptimizeOutput> OptimizeAsync(string graphId, string branch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(branch);
        var manifest = grains.GetGrain<IManifestProtocol>(graphId);
        var head = await manifest.BeginWriteAsync(branch, cancellationToken);
        var tables = ImmutableArray.CreateBuilder<OptimizedTable>(head.Tables.Length);
        var rewrites = new List<TableWrite>();
        foreach (var version in head.Tables)
        {
            var (table, rewrite) = await PlanAsync(graphId, head, version, cancellationToken);
            tables.Add(table);
            if (rewrite is not null)
            {
                rewrites.Add(rewrite);
            }
        }

        if (rewrites.Count == 0)
        {
            return new OptimizeOutput(branch, false, head.ManifestVersion, tables.ToImmutable());
        }

        var result = await writes.WriteAsync(graphId, new GraphWriteRequest(branch, [.. rewrites])
        {
            BaseManifestVersion = head.ManifestVersion,
            ExpectedHeadCommit = head.Commit.Id,
            Writer = CommitKinds.Optimize,
            SchemaHash = head.SchemaHash,
        }, cancellationToken);
        var summary = ImmutableArray.CreateBuilder<OptimizedTable>(tables.Count);
        foreach (var table in tables)
        {
            if (table.Compacted)
            {
                var compacted = result.Snapshot.GetTable(table.TypeKey);
                var info = await grains.GetGrain<ITableBranchGrain>(GraphGrainKeys.TableBranch(graphId, compacted.Table, compacted.ChainBranch))
                    .GetVersionInfoAsync(compacted, cancellationToken);
                summary.Add(table with { FragmentsAdded = info.FragmentCount });
            }
            else
            {
                summary.Add(table);
            }
        }

        LogOptimized(graphId, branch, rewrites.Count, result.Commit.Id);
        return new OptimizeOutput(branch, true, result.Commit.ManifestVersion, summary.MoveToImmutable()) { CommitId = result.Commit.Id };
    }

    private async Task<(OptimizedTable Table, TableWrite? Rewrite)> PlanAsync(string graphId, GraphSnapshot head, TableVersionRef version, CancellationToken cancellationToken)
    {
        if (version.Version == 0)
        {
            return (new OptimizedTable(version.Table, 0, 0, 0, false, "empty"), null);
        }

        if (!string.Equals(version.ChainIncarnation, head.BranchIncarnation, StringComparison.Ordinal))
        {
            return (new OptimizedTable(version.Table, 0, 0, version.RowCount, false, "inherited"), null);
        }

        var grain = grains.GetGrain<ITableBranchGrain>(GraphGrainKeys.TableBranch(graphId, version.Table, version.ChainBranch));
        var info = await grain.GetVersionInfoAsync(version, cancellationToken);
        if (info.FragmentCount <= 1 && info.DeletedRowCount == 0)
        {
            return (new OptimizedTable(version.Table, 0, 0, info.RowCount, false, "compact"), null);
        }

        var scan = await grain.ScanAsync(version, [], cancellationToken);
        ImmutableArray<RecordBatch> rows = scan.Batches.Length <= 1 ? scan.Batches : [Concatenate(scan.Batches)];
        return (new OptimizedTable(version.Table, info.FragmentCount, 0, info.RowCount, true, null), new TableWrite(version.Table, TableWriteMode.Overwrite, [], rows, null));
    }

    /// <summary>One batch of every row of <paramref name="batches"/> in order (the staging cuts it into fragments of the configured size).</summary>
    private static RecordBatch Concatenate(ImmutableArray<RecordBatch> batches)
    {
        var schema = batches[0].Schema;
        var columns = new ArrowColumn[schema.FieldCount];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = ArrowColumn.Concatenate([.. batches.Select(b => b.Column(c))]);
        }

        return new RecordBatch(schema, columns, batches.Sum(static b => b.Length));
    }

    [LoggerMessage((int)LogEventId.MaintenanceOptimized, LogLevel.Information, "Graph {GraphId}: optimize of {Branch} compacted {Tables} tables (commit {CommitId})")]
    private partial void LogOptimized(string graphId, string branch, int tables, string commitId);
}
