using OmniGraph.Arrow;
using OmniGraph.Ingest;
using OmniGraph.Schema;
using OmniGraph.Schema.Migration;

namespace OmniGraph.Grains.SchemaEvolution;

/// <summary>
/// Soft and hard drops (docs/schema-language.md, "Soft and hard drops"). A soft drop hides a type or property from the
/// head but keeps the table version that holds it in the manifest's dropped list, so every later version still names its
/// objects (cleanup keeps them) and a later apply can restore it: a declaration whose <c>@rename_from</c> names the
/// dropped type or property gets its rows (a type) or its values by row id (a property) back. A hard drop
/// (<c>--allow-data-loss</c>) keeps nothing, and also releases what earlier soft drops kept but this apply does not
/// restore: once no retained version names those objects, cleanup reclaims them.
/// </summary>
public sealed partial class SchemaApplyCoordinator
{
    /// <summary>What the head's soft drops kept, as the planner names them.</summary>
    private static SchemaDroppedMember[] DroppedMembersOf(GraphSnapshot head) =>
        [.. head.Dropped.Select(MemberOf)];

    private static SchemaDroppedMember MemberOf(DroppedTable dropped) =>
        new(dropped.Version.IsEdge ? "edge" : "node", dropped.Version.TypeName, (ulong)dropped.Version.TableId, dropped.Property);

    /// <summary>The head's dropped entry a restore or release step names.</summary>
    private static DroppedTable DroppedOf(GraphSnapshot head, SchemaMigrationStep step) =>
        head.Dropped.First(d => MemberOf(d) == step.Dropped);

    /// <summary>
    /// What soft drops keep after the apply: the head's entries less those restored or released, plus this apply's soft
    /// drops (each the table version before the apply; an entry of the same table and property is replaced), sorted.
    /// </summary>
    private static ImmutableArray<DroppedTable> DroppedAfter(GraphSnapshot head, SchemaMigrationPlan plan)
    {
        var gone = plan.Steps
            .Where(static s => s.Kind is SchemaMigrationStepKind.RestoreType or SchemaMigrationStepKind.RestoreProperty or SchemaMigrationStepKind.ReleaseDropped)
            .Select(s => DroppedOf(head, s))
            .ToHashSet();
        var kept = head.Dropped.Where(d => !gone.Contains(d)).ToDictionary(static d => (d.Version.Table, d.Property ?? string.Empty));
        foreach (var step in plan.Steps.Where(static s => s.Mode == SchemaDropMode.Soft))
        {
            var (type, property) = step.Kind == SchemaMigrationStepKind.DropType
                ? (ElementTypeOf(plan.Accepted, step.TypeKind!, step.TypeName!), (string?)null)
                : (AcceptedTypeOf(plan, step.TypeKind!, step.TypeName!), step.PropertyName);
            if (head.GetTable(type.TableName) is { Version: > 0 } published)
            {
                kept[(published.Table, property ?? string.Empty)] = new DroppedTable(published, property);
            }
        }

        return [.. kept.OrderBy(static e => e.Key.Table, StringComparer.Ordinal).ThenBy(static e => e.Key.Item2, StringComparer.Ordinal).Select(static e => e.Value)];
    }

    /// <summary>The accepted type behind a desired type (a property step names the type by its desired name).</summary>
    private static GraphElementType AcceptedTypeOf(SchemaMigrationPlan plan, string kind, string desiredName)
    {
        var desired = ElementTypeOf(plan.Desired, kind, desiredName);
        return plan.Accepted.NodeTypes.Cast<GraphElementType>().Concat(plan.Accepted.EdgeTypes).First(t => t.StableId == desired.StableId);
    }

    private static GraphElementType ElementTypeOf(SchemaCatalog catalog, string kind, string name) =>
        kind == "edge" ? catalog.GetEdgeType(name) : catalog.GetNodeType(name);

    /// <summary>A restored type's rows: the dropped table's live rows in the new type's layout, properties matched by name.</summary>
    private async Task<TableWrite> RestoreTypeAsync(string graphId, IObjectStore store, DroppedTable source, GraphElementType type, CancellationToken cancellationToken)
    {
        var stored = await DroppedLayoutAsync(store, source, cancellationToken);
        var target = TableLayout.For(type);
        var rows = await ReadLiveRowsAsync(graphId, source.Version, cancellationToken);
        return new TableWrite(type.TableName, TableWriteMode.Overwrite, [], [.. rows.Select(b => Relayout(b, stored, target, p => MatchByName(stored, target, p)))], null);
    }

    /// <summary>
    /// Fills each restored property's column of a rewritten table from the dropped table version, by row id: rows written
    /// since the drop (or whose id the dropped version does not hold) read null, as an added nullable property does.
    /// </summary>
    private async Task<Func<RecordBatch, RecordBatch>> RestorePropertiesAsync(
        string graphId, IObjectStore store, TableLayout target, IReadOnlyList<(DroppedTable Source, string Property)> restores, CancellationToken cancellationToken)
    {
        var fills = new List<(int Column, ArrowColumn Values, Dictionary<string, int> RowOf)>();
        foreach (var (source, property) in restores)
        {
            var stored = await DroppedLayoutAsync(store, source, cancellationToken);
            var restored = target.Type.Properties.First(p => string.Equals(p.Name, property, StringComparison.Ordinal));
            var column = target.ColumnOf(restored);
            var from = stored.Type.Properties.First(p => string.Equals(p.Name, source.Property, StringComparison.Ordinal));
            if (!stored.Schema.Fields[stored.ColumnOf(from)].Type.Equals(target.Schema.Fields[column].Type))
            {
                throw RestoreMismatch($"{target.Type.Name}.{property}", $"its type {restored.Type.DisplayName} is not the dropped property's {from.Type.DisplayName}");
            }

            var rows = await ReadLiveRowsAsync(graphId, source.Version, cancellationToken);
            var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
            var parts = new List<ArrowColumn>();
            foreach (var batch in rows)
            {
                var ids = (Utf8Column)batch.Column(0);
                for (var i = 0; i < batch.Length; i++)
                {
                    rowOf[ids.GetString(i)] = rowOf.Count;
                }

                parts.Add(batch.Column(stored.ColumnOf(from)));
            }

            var nulls = ArrowColumnBuilder.Create(target.Schema.Fields[column].Type);
            nulls.AppendNulls(1);
            parts.Add(nulls.Build());
            fills.Add((column, ArrowColumn.Concatenate(parts), rowOf));
        }

        return batch =>
        {
            var columns = Enumerable.Range(0, batch.ColumnCount).Select(batch.Column).ToArray();
            var ids = (Utf8Column)batch.Column(0);
            foreach (var (column, values, rowOf) in fills)
            {
                var indices = new int[batch.Length];
                for (var i = 0; i < indices.Length; i++)
                {
                    indices[i] = rowOf.TryGetValue(ids.GetString(i), out var row) ? row : values.Length - 1;
                }

                columns[column] = values.Take(indices);
            }

            return new RecordBatch(batch.Schema, columns, batch.Length);
        };
    }

    /// <summary>The layout a dropped table version was written in (its own schema's).</summary>
    private async Task<TableLayout> DroppedLayoutAsync(IObjectStore store, DroppedTable source, CancellationToken cancellationToken) =>
        (await _schemas.GetAsync(store, source.Version.SchemaHash, cancellationToken)).TryGetElementType(source.Version.Table, out var type)
            ? TableLayout.For(type)
            : throw EngineErrors.UnknownTable(source.Version.Table);

    /// <summary>A restored type's property takes the dropped column of the same name and the same stored type; others read null.</summary>
    private static Property? MatchByName(TableLayout stored, TableLayout target, Property property)
    {
        if (stored.Type.Properties.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal)) is not { } source)
        {
            return property.IsNullable ? null : throw RestoreMismatch($"{target.Type.Name}.{property.Name}", "it is required but the dropped type has no property of that name");
        }

        return stored.Schema.Fields[stored.ColumnOf(source)].Type.Equals(target.Schema.Fields[target.ColumnOf(property)].Type)
            ? source
            : throw RestoreMismatch($"{target.Type.Name}.{property.Name}", $"its type {property.Type.DisplayName} is not the dropped property's {source.Type.DisplayName}");
    }

    private static OmniGraphException RestoreMismatch(string entity, string reason) =>
        new(
            ErrorCodes.SchemaChangeUnsupported,
            $"the schema change is not supported (nothing was written): restoring {entity}: {reason}; declare it as it was dropped",
            ErrorDetails.Of(ErrorDetail.Reason.With($"{entity}: {reason}")));
}
