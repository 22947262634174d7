using OmniGraph.Arrow;
using OmniGraph.Tables.Indexes;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Grains.Tables;

internal sealed partial class TableBranchGrain
{
    /// <inheritdoc />
    public async Task<TableVersionInfo> GetVersionInfoAsync(TableVersionRef version, CancellationToken cancellationToken = default)
    {
        var view = await GetViewAsync(version, cancellationToken);
        return new TableVersionInfo(version, view.RowCount, view.Fragments.Length, view.DeletedRowCount);
    }

    /// <inheritdoc />
    public async Task<TableScanResult> ScanAsync(TableVersionRef version, ImmutableArray<string> columns, CancellationToken cancellationToken = default)
    {
        var view = await GetViewAsync(version, cancellationToken);
        var projection = RowProjection.Create(view.Layout, columns);
        var batches = ImmutableArray.CreateBuilder<RecordBatch>(view.Fragments.Length);
        long rows = 0;
        for (var f = 0; f < view.Fragments.Length; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (projection.Live(view.Fragments[f], view.Masks[f]) is { } batch)
            {
                batches.Add(batch);
                rows += batch.Length;
            }
        }

        return new TableScanResult(batches.ToImmutable(), rows);
    }

    /// <inheritdoc />
    public async Task<TableRowPage> ReadRowsAsync(TableVersionRef version, RowAddress? start, int maxRows, ImmutableArray<string> columns, CancellationToken cancellationToken = default)
    {
        if (maxRows < 1)
        {
            throw EngineErrors.InvalidTableRequest(_table, $"a page holds at least one row (asked for {maxRows})");
        }

        var view = await GetViewAsync(version, cancellationToken);
        var projection = RowProjection.Create(view.Layout, columns);
        var fragment = start?.Fragment ?? 0;
        var row = start?.Row ?? 0;
        if (fragment < 0 || row < 0 || fragment > view.Fragments.Length)
        {
            throw EngineErrors.InvalidTableRequest(_table, $"page start {start} is outside the version");
        }

        var parts = new List<RecordBatch>();
        var remaining = maxRows;
        var rows = new List<int>();
        while (remaining > 0 && fragment < view.Fragments.Length)
        {
            var data = view.Fragments[fragment];
            var mask = view.Masks[fragment];
            if (mask.Count == 0)
            {
                var take = Math.Min(remaining, data.Rows - row);
                if (take > 0)
                {
                    parts.Add(projection.Range(data, row, take));
                    remaining -= take;
                    row += take;
                }
            }
            else
            {
                rows.Clear();
                for (; row < data.Rows && remaining > 0; row++)
                {
                    if (!mask.IsDeleted(row))
                    {
                        rows.Add(row);
                        remaining--;
                    }
                }

                if (rows.Count > 0)
                {
                    parts.Add(projection.Take(data, rows.ToArray()));
                }
            }

            if (row >= data.Rows)
            {
                fragment++;
                row = 0;
            }
        }

        // Move on to the next live row, so that a null continuation really means the end.
        while (fragment < view.Fragments.Length)
        {
            if (row >= view.Fragments[fragment].Rows)
            {
                fragment++;
                row = 0;
            }
            else if (view.Masks[fragment].IsDeleted(row))
            {
                row++;
            }
            else
            {
                break;
            }
        }

        var next = fragment < view.Fragments.Length ? new RowAddress(fragment, row) : (RowAddress?)null;
        return new TableRowPage(projection.Concatenate(parts), next);
    }

    /// <inheritdoc />
    public async Task<bool[]> ContainsKeysAsync(TableVersionRef version, KeyBatch keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var view = await GetViewAsync(version, cancellationToken);
        var index = view.Keys;
        var found = new bool[keys.Count];
        for (var i = 0; i < found.Length; i++)
        {
            CancellationChecks.Every(i, cancellationToken);
            found[i] = index.Find(keys[i]) != AddressHashTable.NotFound;
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<KeyLookupResult> LookupAsync(TableVersionRef version, KeyBatch keys, ImmutableArray<string> columns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var view = await GetViewAsync(version, cancellationToken);
        var projection = RowProjection.Create(view.Layout, columns);
        var index = view.Keys;
        var positions = ImmutableArray.CreateBuilder<int>();
        var addresses = new List<long>();
        for (var i = 0; i < keys.Count; i++)
        {
            CancellationChecks.Every(i, cancellationToken);
            var address = index.Find(keys[i]);
            if (address != AddressHashTable.NotFound)
            {
                positions.Add(i);
                addresses.Add(address);
            }
        }

        return new KeyLookupResult(positions.ToImmutable(), projection.Gather(view.Fragments, addresses.ToArray()));
    }

    /// <inheritdoc />
    public async Task<UniqueProbeResult> ProbeUniqueAsync(TableVersionRef version, int constraintOrdinal, RecordBatch values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var view = await GetViewAsync(version, cancellationToken);
        var constraints = view.Layout.Type.UniqueConstraints;
        if ((uint)constraintOrdinal >= (uint)constraints.Length)
        {
            throw EngineErrors.InvalidTableRequest(_table, $"it has no @unique constraint number {constraintOrdinal}");
        }

        var constraint = constraints[constraintOrdinal];
        if (values.ColumnCount != constraint.Columns.Length)
        {
            throw EngineErrors.InvalidTableRequest(_table, $"{constraint.ToSourceText()} has {constraint.Columns.Length} columns, the probe {values.ColumnCount}");
        }

        for (var i = 0; i < values.ColumnCount; i++)
        {
            var expected = view.Layout.Schema.Fields[view.Layout.Schema.GetFieldIndex(constraint.Columns[i])].Type;
            if (!values.Column(i).Type.Equals(expected))
            {
                throw EngineErrors.InvalidTableRequest(_table, $"probe column {i} of {constraint.ToSourceText()} is {values.Column(i).Type}, expected {expected}");
            }
        }

        var index = view.Unique(constraintOrdinal);
        var scratch = new ByteScratch();
        var holders = ImmutableArray.CreateBuilder<string?>(values.Length);
        for (var row = 0; row < values.Length; row++)
        {
            CancellationChecks.Every(row, cancellationToken);
            string? holder = null;
            if (TupleKeyFunction.TryGetProbeKey(values, row, scratch, out var key))
            {
                var address = index.Find(key);
                if (address != AddressHashTable.NotFound)
                {
                    holder = view.Fragments[(int)(address >> 32)].Ids.GetString((int)(uint)address);
                }
            }

            holders.Add(holder);
        }

        return new UniqueProbeResult(holders.MoveToImmutable());
    }

    /// <inheritdoc />
    public async Task<EdgeExpansion> ExpandAsync(TableVersionRef version, EdgeDirection direction, KeyBatch nodeIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        var view = await GetEdgeViewAsync(version, cancellationToken);
        var index = direction == EdgeDirection.Outgoing ? view.BySource : view.ByTarget;
        var positions = ImmutableArray.CreateBuilder<int>();
        var rows = ImmutableArray.CreateBuilder<RowAddress>();
        var edgeIds = new Utf8ColumnBuilder();
        var neighbours = new Utf8ColumnBuilder();
        var visitor = new CollectingVisitor(new List<long>());
        for (var i = 0; i < nodeIds.Count; i++)
        {
            CancellationChecks.Every(i, cancellationToken);
            visitor.Edges.Clear();
            index.ForEachLiveEdge(nodeIds[i], view, ref visitor);
            foreach (var edge in visitor.Edges)
            {
                var fragment = view.Fragments[(int)(edge >> 32)];
                var row = (int)(uint)edge;
                positions.Add(i);
                rows.Add(RowAddress.FromPacked(edge));
                edgeIds.Append(fragment.Ids.GetBytes(row));
                neighbours.Append((direction == EdgeDirection.Outgoing ? fragment.Targets! : fragment.Sources!).GetBytes(row));
            }
        }

        return new EdgeExpansion(positions.ToImmutable(), edgeIds.Build(), neighbours.Build(), rows.ToImmutable());
    }

    /// <inheritdoc />
    public async Task<long[]> CountOutgoingAsync(TableVersionRef version, KeyBatch sourceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceIds);
        var view = await GetEdgeViewAsync(version, cancellationToken, endpointsOnly: true);
        var index = view.BySource;
        var counts = new long[sourceIds.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            CancellationChecks.Every(i, cancellationToken);
            var visitor = default(CountingVisitor);
            index.ForEachLiveEdge(sourceIds[i], view, ref visitor);
            counts[i] = visitor.Count;
        }

        return counts;
    }

    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <param name="endpointsOnly">The read touches only <c>src</c> and <c>dst</c> (no edge ids, properties or filters).</param>
    private async Task<TableVersionView> GetEdgeViewAsync(TableVersionRef version, CancellationToken cancellationToken, bool endpointsOnly = false)
    {
        if (!IsEdge)
        {
            throw EngineErrors.InvalidTableRequest(_table, "edge expansion and degree counts need an edge table");
        }

        return await GetViewAsync(version, cancellationToken, endpointsOnly);
    }

    private struct CollectingVisitor(List<long> edges) : IEdgeVisitor
    {
        public readonly List<long> Edges = edges;

        public readonly void Visit(long edgeAddress) => Edges.Add(edgeAddress);
    }

    private struct CountingVisitor : IEdgeVisitor
    {
        public long Count;

        public void Visit(long edgeAddress) => Count++;
    }
}
