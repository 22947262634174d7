using System.Diagnostics;
using OmniGraph.Arrow;
using OmniGraph.Ingest;
using OmniGraph.Schema;
using OmniGraph.Schema.Migration;

namespace OmniGraph.Grains.SchemaEvolution;

/// <summary>The new table set of a schema apply, the rewrites of the tables whose layout changes, and the commit.</summary>
public sealed partial class SchemaApplyCoordinator
{
    /// <summary>
    /// Every table of the desired schema with the version it starts from, the rewrites (overwrites in the new layout, every
    /// live row) of the tables whose stored layout changes or that a restore fills, and what soft drops keep afterwards.
    /// </summary>
    private async Task<(ImmutableArray<TableVersionRef> Tables, TableWrite[] Writes, ImmutableArray<DroppedTable> Dropped)> PlanTablesAsync(
        string graphId, IObjectStore store, GraphSnapshot head, SchemaMigrationPlan plan, CancellationToken cancellationToken)
    {
        var (accepted, desired) = (plan.Accepted, plan.Desired);
        var before = accepted.NodeTypes.Cast<GraphElementType>().Concat(accepted.EdgeTypes).ToDictionary(static t => t.StableId);
        var tables = ImmutableArray.CreateBuilder<TableVersionRef>();
        var writes = new List<TableWrite>();
        foreach (var type in desired.NodeTypes.Cast<GraphElementType>().Concat(desired.EdgeTypes))
        {
            var empty = TableVersionRef.Empty(type.TableName, (long)type.StableId, head.Branch, head.BranchIncarnation, desired.ContentHash);
            if (!before.TryGetValue(type.StableId, out var old))
            {
                await ClearStaleHeadAsync(graphId, head, empty);
                tables.Add(empty);
                if (plan.Steps.FirstOrDefault(s => s.Kind == SchemaMigrationStepKind.RestoreType && s.TypeKind == KindOf(type) && s.TypeName == type.Name) is { } restore)
                {
                    writes.Add(await RestoreTypeAsync(graphId, store, DroppedOf(head, restore), type, cancellationToken));
                }

                continue;
            }

            var published = head.GetTable(old.TableName);
            var sameName = string.Equals(old.TableName, type.TableName, StringComparison.Ordinal);
            var storedLayout = (await _schemas.GetAsync(store, published.SchemaHash, cancellationToken)).TryGetElementType(published.Table, out var storedType)
                ? TableLayout.For(storedType)
                : throw EngineErrors.UnknownTable(published.Table);
            if (sameName && storedLayout.Schema.Equals(TableLayout.For(type).Schema))
            {
                // Nothing stored changes: the table keeps its version (and its warm indexes).
                tables.Add(published.Version == 0 ? empty : published);
                continue;
            }

            if (!sameName)
            {
                await ClearStaleHeadAsync(graphId, head, empty);
            }

            tables.Add(sameName && published.Version > 0 ? published : empty);
            if (published.Version > 0)
            {
                var target = TableLayout.For(type);
                var restores = plan.Steps
                    .Where(s => s.Kind == SchemaMigrationStepKind.RestoreProperty && s.TypeKind == KindOf(type) && s.TypeName == type.Name)
                    .Select(s => (DroppedOf(head, s), s.PropertyName!))
                    .ToList();
                var fill = restores.Count == 0 ? static b => b : await RestorePropertiesAsync(graphId, store, target, restores, cancellationToken);
                var rows = await ReadLiveRowsAsync(graphId, published, cancellationToken);
                writes.Add(new TableWrite(type.TableName, TableWriteMode.Overwrite, [], [.. rows.Select(b => fill(Relayout(b, storedLayout, target)))], null));
            }
        }

        return (tables.ToImmutable(), [.. writes.OrderBy(static w => w.Table, StringComparer.Ordinal)], DroppedAfter(head, plan));
    }

    private static string KindOf(GraphElementType type) => type.Kind == ElementKind.Node ? "node" : "edge";

    /// <summary>
    /// A table name the published head does not hold may still have a head record from an earlier table of that name (one
    /// dropped or renamed away). It is derived state nobody reads any more, and it would refuse the new table's first head
    /// move, so it is reset to "never moved" before the new table is staged.
    /// </summary>
    private async Task ClearStaleHeadAsync(string graphId, GraphSnapshot head, TableVersionRef empty)
    {
        var grain = _grains.GetGrain<ITableBranchProtocol>(GraphGrainKeys.TableBranch(graphId, empty.Table, head.Branch));
        var record = await grain.GetHeadRecordAsync(refresh: true);
        if (record.Head is null)
        {
            return;
        }

        await _failpoints.BeforeAsync(Failpoints.SchemaApplyHeadReset, empty.Table);
        await grain.RepairHeadAsync(empty);
        _failpoints.After(Failpoints.SchemaApplyHeadReset, empty.Table);
    }

    private async Task<ImmutableArray<RecordBatch>> ReadLiveRowsAsync(string graphId, TableVersionRef version, CancellationToken cancellationToken)
    {
        var grain = _grains.GetGrain<ITableBranchGrain>(GraphGrainKeys.TableBranch(graphId, version.Table, version.ChainBranch));
        var scan = await grain.ScanAsync(version, [], cancellationToken);
        return scan.Batches;
    }

    /// <summary>
    /// One batch of <paramref name="stored"/> rows in <paramref name="target"/>'s layout: the structural columns as they are,
    /// each property from the stored column <paramref name="sourceOf"/> names (by default the one of the same stable id,
    /// so a rename keeps its values), a property without one as its <c>@default</c> in every row (an added required
    /// property has one: the planner refuses it otherwise) or as nulls (an added nullable property), a dropped property
    /// left out.
    /// </summary>
    internal static RecordBatch Relayout(RecordBatch batch, TableLayout stored, TableLayout target, Func<Property, Property?>? sourceOf = null)
    {
        var columns = new ArrowColumn[target.ColumnCount];
        for (var c = 0; c < target.FirstPropertyColumn; c++)
        {
            columns[c] = batch.Column(c);
        }

        var storedById = stored.Type.Properties.ToDictionary(static p => p.StableId);
        sourceOf ??= property => storedById.GetValueOrDefault(property.StableId);
        foreach (var property in target.Type.Properties)
        {
            var index = target.ColumnOf(property);
            if (sourceOf(property) is { } source)
            {
                columns[index] = batch.Column(stored.ColumnOf(source));
            }
            else if (property.Default is not null)
            {
                columns[index] = DefaultValueColumn.Create(property, batch.Length);
            }
            else
            {
                var nulls = ArrowColumnBuilder.Create(target.Schema.Fields[index].Type);
                nulls.AppendNulls(batch.Length);
                columns[index] = nulls.Build();
            }
        }

        return new RecordBatch(target.Schema, columns, batch.Length);
    }

    private async Task<CommitInfo> CommitAsync(
        string graphId, IManifestProtocol manifest, GraphSnapshot head, SchemaCatalog desired, (ImmutableArray<TableVersionRef> Tables, TableWrite[] Writes, ImmutableArray<DroppedTable> Dropped) planned, string? actor, CancellationToken cancellationToken)
    {
        // The rewrites are staged on the image the commit publishes: the new schema and table set.
        var (tables, writes, dropped) = planned;
        var image = head with { SchemaHash = desired.ContentHash, Tables = tables.Sort(static (a, b) => string.CompareOrdinal(a.Table, b.Table)), Dropped = dropped };
        var tx = Ulid.NewUlid().ToString();
        var started = Stopwatch.GetTimestamp();
        await _failpoints.BeforeAsync(Failpoints.SchemaApplyStage);
        var staged = await _writes.PrepareAllAsync(graphId, tx, image, writes, cancellationToken);
        try
        {
            _failpoints.After(Failpoints.SchemaApplyStage);
            cancellationToken.ThrowIfCancellationRequested();
            var commitId = Ulid.NewUlid().ToString();
            await manifest.SubmitCommitAsync(
                _writes.CommitRequestFor(tx, head, staged, commitId) with
                {
                    ExpectedHeadCommit = head.Commit.Id,
                    Actor = actor,
                    Writer = CommitKinds.SchemaApply,
                    SchemaChange = new CommitSchemaChange(desired.ContentHash, image.Tables) { Dropped = dropped },
                },
                cancellationToken);

            // Submitted: the commit runs to its end whatever the caller does now, so its outcome is waited for.
            var published = await manifest.WaitForCommitAsync(commitId, CancellationToken.None);
            EngineMetrics.RecordCommit(graphId, CommitKinds.SchemaApply, started);
            return published;
        }
        catch (Exception exception) when (exception is not SimulatedCrashException)
        {
            EngineMetrics.RecordCommit(graphId, CommitKinds.SchemaApply, started, exception);
            await _writes.AbortAllAsync(graphId, tx, head.Branch, staged.Keys);
            throw;
        }
    }
}
