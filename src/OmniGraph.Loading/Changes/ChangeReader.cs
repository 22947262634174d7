using OmniGraph.Abstractions;
using OmniGraph.Grains.Schema;
using OmniGraph.Schema;

namespace OmniGraph.Loading.Changes;

/// <summary>
/// Reads the changes between two snapshots in a fixed order from a position, into a sink until it is full: per-commit
/// pages and the feed list node tables before edge tables, then by stable type id (the frozen change order); a net
/// diff lists tables by table key (edges before nodes). Within a table, by entity id. Only tables whose version differs are asked,
/// each by the grain of the chain holding its newer version (<see cref="ITableBranchGrain.ReadChangesAsync"/>), which
/// finds the changed ids from the versions' fragment lists: the cost follows the change, not the graph.
/// </summary>
internal sealed class ChangeReader(IGrainFactory grains, string graphId, SchemaCatalog fromSchema, SchemaCatalog toSchema, bool byTableKey = false)
{
    /// <summary>The tables of both snapshots in change order.</summary>
    public List<string> TableOrder(GraphSnapshot from, GraphSnapshot to)
    {
        var ids = new Dictionary<string, (bool IsEdge, long TableId)>(StringComparer.Ordinal);
        foreach (var table in from.Tables.Concat(to.Tables))
        {
            ids[table.Table] = (table.IsEdge, table.TableId);
        }

        if (byTableKey)
        {
            return [.. ids.Keys.Order(StringComparer.Ordinal)];
        }

        return [.. ids.OrderBy(static t => t.Value.IsEdge).ThenBy(static t => t.Value.TableId).ThenBy(static t => t.Key, StringComparer.Ordinal).Select(static t => t.Key)];
    }

    /// <summary>
    /// Reads from <paramref name="start"/> until the sink is full or the changes end; returns where to continue, or
    /// <c>null</c> when every change was delivered.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>change_cursor_rejected</c>: The position names a table neither snapshot has.</exception>
    public async Task<ChangePosition?> ReadAsync(GraphSnapshot from, GraphSnapshot to, ChangeFilter filter, ChangePosition start, IChangeSink sink, CancellationToken cancellationToken)
    {
        var tables = TableOrder(from, to);
        var first = 0;
        if (start.Table is { } startTable)
        {
            first = tables.IndexOf(startTable);
            if (first < 0)
            {
                throw EngineErrors.ChangeCursorRejected("it names a type this commit does not have");
            }
        }

        for (var index = first; index < tables.Count; index++)
        {
            var table = tables[index];
            from.TryGetTable(table, out var fromRef);
            to.TryGetTable(table, out var toRef);
            var any = (toRef ?? fromRef)!;
            if (!filter.AdmitsType(any.IsEdge, any.TypeName) || (fromRef is not null && fromRef.SameVersionAs(toRef)))
            {
                continue;
            }

            // A type only one side has reads against the empty table on the other.
            fromRef ??= TableVersionRef.Empty(table, any.TableId, any.ChainBranch, any.ChainIncarnation, toRef!.SchemaHash);
            toRef ??= TableVersionRef.Empty(table, any.TableId, any.ChainBranch, any.ChainIncarnation, fromRef.SchemaHash);
            var layout = SchemaCatalogCache.LayoutOf(to.TryGetTable(table, out _) ? toSchema : fromSchema, table);
            var grain = grains.GetGrain<ITableBranchGrain>(GraphGrainKeys.TableBranch(graphId, table, any.ChainBranch));
            var after = index == first ? start.After : null;
            while (true)
            {
                if (sink.Remaining == 0)
                {
                    return new ChangePosition(table, after);
                }

                var page = await grain.ReadChangesAsync(fromRef, toRef, new TableChangeRequest(after, Math.Min(sink.Remaining, ChangeLimits.MaxPageChanges), filter.Ops), cancellationToken);
                var (beforeRow, afterRow) = (0, 0);
                for (var i = 0; i < page.Ids.Length; i++)
                {
                    var op = page.Ops[i];
                    sink.Add(
                        layout,
                        page.Ids[i],
                        op,
                        page.Before,
                        op == ChangeOp.Insert ? -1 : beforeRow++,
                        page.After,
                        op == ChangeOp.Delete ? -1 : afterRow++);
                    after = page.Ids[i];
                    if (sink.Remaining == 0 && (i + 1 < page.Ids.Length || page.HasMore))
                    {
                        return new ChangePosition(table, after);
                    }
                }

                if (!page.HasMore)
                {
                    break;
                }
            }
        }

        return null;
    }
}
