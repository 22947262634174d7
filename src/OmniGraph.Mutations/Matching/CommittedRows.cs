using System.Collections.Immutable;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Ingest;
using OmniGraph.Mutations.Values;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Mutations.Matching;

/// <summary>
/// Finds the committed rows a mutation predicate (<c>where p op v</c>) selects in one table of the pinned snapshot,
/// through the table grains' read API, choosing the cheapest access the predicate allows:
/// <list type="number">
/// <item>equality on a node type's single-property <c>@key</c>: the key index (one probe; the cost does not grow with the table);</item>
/// <item>equality on a property with a single-column <c>@unique</c>: the unique index;</item>
/// <item>equality on an edge's <c>from</c>/<c>to</c>: the adjacency index;</item>
/// <item>anything else: a scan of the id and predicate columns only, filtered column-wise (<see cref="ColumnFilter"/>).</item>
/// </list>
/// Every read names the exact table version of the snapshot, so a mutation never sees a later commit, and carries the
/// mutation's cancellation token.
/// </summary>
internal sealed class CommittedRows(IGrainFactory grains, string graphId, GraphSnapshot snapshot, int lookupBatchSize, CancellationToken cancellationToken)
{
    private static readonly ImmutableArray<string> s_allColumns = [];

    /// <summary>The snapshot read.</summary>
    public GraphSnapshot Snapshot { get; } = snapshot;

    /// <summary>The ids of the live rows of <paramref name="type"/> that <paramref name="where"/> with value <paramref name="value"/> selects.</summary>
    public async Task<List<string>> FindIdsAsync(GraphElementType type, MutationPredicate where, QueryValue value)
    {
        var ids = new List<string>();
        if (value.IsNull)
        {
            // SQL semantics: a comparison with NULL is never true, for every row.
            return ids;
        }

        var version = Snapshot.GetTable(type.TableName);
        if (version.RowCount == 0)
        {
            return ids;
        }

        var grain = GrainOf(version);
        if (where.Operator == ComparisonOperator.Equal)
        {
            if (TryGetKeyId(type, where, value, out var keyed))
            {
                if (keyed is not null && (await grain.ContainsKeysAsync(version, KeyBatch.Of(keyed), cancellationToken))[0])
                {
                    ids.Add(keyed);
                }

                return ids;
            }

            if (TryGetUniqueProbe(type, where, value, out var ordinal, out var probe))
            {
                if (probe is not null && (await grain.ProbeUniqueAsync(version, ordinal, probe, cancellationToken)).Holders[0] is { } holder)
                {
                    ids.Add(holder);
                }

                return ids;
            }

            if (where.Subject is PredicateSubject.EdgeSource or PredicateSubject.EdgeTarget && value.Kind == QueryValueKind.String)
            {
                var direction = where.Subject == PredicateSubject.EdgeSource ? EdgeDirection.Outgoing : EdgeDirection.Incoming;
                var expansion = await grain.ExpandAsync(version, direction, KeyBatch.Of(value.AsString()), cancellationToken);
                for (var i = 0; i < expansion.Count; i++)
                {
                    ids.Add(expansion.EdgeIds.GetString(i));
                }

                return ids;
            }
        }

        var (column, columnType) = ColumnOf(type, where);
        var scan = await grain.ScanAsync(version, [TableLayout.IdColumnName, column], cancellationToken);
        var matches = new List<int>();
        foreach (var batch in scan.Batches)
        {
            matches.Clear();
            ColumnFilter.Collect(batch.Column(1), columnType, where.Operator, value, matches);
            var batchIds = (Utf8Column)batch.Column(0);
            foreach (var row in matches)
            {
                ids.Add(batchIds.GetString(row));
            }
        }

        return ids;
    }

    /// <summary>
    /// The whole rows (every column) of the live rows of <paramref name="type"/> that <paramref name="where"/> selects,
    /// leaving out the ids <paramref name="skip"/> names (rows the mutation already holds as pending).
    /// </summary>
    public async Task<List<RecordBatch>> FindRowsAsync(NodeType type, MutationPredicate where, QueryValue value, Func<string, bool> skip)
    {
        var rows = new List<RecordBatch>();
        var version = Snapshot.GetTable(type.TableName);
        if (value.IsNull || version.RowCount == 0)
        {
            return rows;
        }

        // Key equality: one lookup brings the row itself.
        if (where.Operator == ComparisonOperator.Equal && TryGetKeyId(type, where, value, out var keyed))
        {
            if (keyed is not null && !skip(keyed))
            {
                var found = await GrainOf(version).LookupAsync(version, KeyBatch.Of(keyed), s_allColumns, cancellationToken);
                if (found.Rows.Length > 0)
                {
                    rows.Add(found.Rows);
                }
            }

            return rows;
        }

        var ids = await FindIdsAsync(type, where, value);
        ids.RemoveAll(id => skip(id));
        for (var start = 0; start < ids.Count; start += lookupBatchSize)
        {
            var chunk = ids.GetRange(start, Math.Min(lookupBatchSize, ids.Count - start));
            var found = await GrainOf(version).LookupAsync(version, KeyBatch.FromStrings(chunk), s_allColumns, cancellationToken);
            if (found.Rows.Length > 0)
            {
                rows.Add(found.Rows);
            }
        }

        return rows;
    }

    /// <summary>The ids of the live edges of <paramref name="edge"/> adjacent (in <paramref name="direction"/>) to any of <paramref name="nodeIds"/>.</summary>
    public async Task<List<string>> AdjacentEdgeIdsAsync(EdgeType edge, EdgeDirection direction, IReadOnlyList<string> nodeIds)
    {
        var ids = new List<string>();
        var version = Snapshot.GetTable(edge.TableName);
        if (version.RowCount == 0 || nodeIds.Count == 0)
        {
            return ids;
        }

        for (var start = 0; start < nodeIds.Count; start += lookupBatchSize)
        {
            var chunk = new List<string>(Math.Min(lookupBatchSize, nodeIds.Count - start));
            for (var i = start; i < Math.Min(start + lookupBatchSize, nodeIds.Count); i++)
            {
                chunk.Add(nodeIds[i]);
            }

            var expansion = await GrainOf(version).ExpandAsync(version, direction, KeyBatch.FromStrings(chunk), cancellationToken);
            for (var i = 0; i < expansion.Count; i++)
            {
                ids.Add(expansion.EdgeIds.GetString(i));
            }
        }

        return ids;
    }

    /// <summary>
    /// Equality on a node type's single-property key: the id the value denotes (<c>null</c> when it cannot denote one,
    /// so nothing matches). <c>false</c> when the predicate is not on such a key.
    /// </summary>
    private static bool TryGetKeyId(GraphElementType type, MutationPredicate where, QueryValue value, out string? id)
    {
        id = null;
        if (type is not NodeType { KeyProperties.Length: 1 } node || where.Subject != PredicateSubject.Property
            || !ReferenceEquals(node.KeyProperties[0], where.Property))
        {
            return false;
        }

        if (NodeIds.TryOfKeyValue(where.Property, value, out var text))
        {
            id = text;
        }

        return true;
    }

    /// <summary>
    /// Equality on a property with a single-column <c>@unique</c>: the constraint and the probe batch (<c>null</c> when
    /// the value cannot equal a stored one). <c>false</c> when no such constraint exists.
    /// </summary>
    private static bool TryGetUniqueProbe(GraphElementType type, MutationPredicate where, QueryValue value, out int ordinal, out RecordBatch? probe)
    {
        probe = null;
        ordinal = -1;
        if (where.Subject != PredicateSubject.Property)
        {
            return false;
        }

        var property = where.Property!;
        var constraints = type.UniqueConstraints;
        for (var i = 0; i < constraints.Length; i++)
        {
            if (constraints[i].Columns.Length == 1 && constraints[i].Columns[0] == property.Name)
            {
                ordinal = i;
                break;
            }
        }

        if (ordinal < 0 || property.Type.Kind is PropertyTypeKind.List or PropertyTypeKind.Vector || property.Type.IsBlob)
        {
            return false;
        }

        if (SingleValueColumn.TryCreate(property.Type, value) is { } column)
        {
            var field = new ArrowField(property.Name, column.Type, isNullable: true);
            probe = new RecordBatch(new ArrowSchema([field]), [column]);
        }

        return true;
    }

    private static (string Column, PropertyType Type) ColumnOf(GraphElementType type, MutationPredicate where) => where.Subject switch
    {
        PredicateSubject.EdgeSource => (TableLayout.SourceColumnName, PropertyType.Of(ScalarKind.String)),
        PredicateSubject.EdgeTarget => (TableLayout.TargetColumnName, PropertyType.Of(ScalarKind.String)),
        _ => (where.Property!.Name, where.Property!.Type),
    };

    /// <summary>The grain of the chain that holds a version (where it is warm).</summary>
    private ITableBranchGrain GrainOf(TableVersionRef version) =>
        grains.GetGrain<ITableBranchGrain>(GraphGrainKeys.TableBranch(graphId, version.Table, version.ChainBranch));
}
