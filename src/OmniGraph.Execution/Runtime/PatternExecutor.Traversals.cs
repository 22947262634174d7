using System.Collections.Immutable;
using System.Runtime.InteropServices;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Planning;

namespace OmniGraph.Execution.Runtime;

internal sealed partial class PatternExecutor
{
    private async Task<BindingTable> ExpandAsync(ExpandStep step, BindingTable table)
    {
        var edgePredicates = context.Predicates(step.EdgeFilters);
        if (edgePredicates is not { } edgeFilters)
        {
            return table.Empty();
        }

        var (sources, positionOf, wholeTable) = UsedSources(table, step.From.Id);
        var edgeVariable = step.EdgeVariable;
        var edgeVersion = context.TableOf(step.Traversal.Edge);
        var request = new TraversalRequest(sources, step.Direction, step.MinHops, step.MaxHops, edgeVariable is null ? TraversalOutput.Neighbours : TraversalOutput.Edges)
        {
            EdgeFilters = edgeFilters,
            EdgeColumns = [.. step.EdgeColumns.Select(static p => p.Name)],
            SourceTable = wholeTable,
        };
        var result = await context.Grain(edgeVersion).TraverseAsync(edgeVersion, request, context.CancellationToken);

        // The new variable's entities: the distinct neighbours, looked up in their node table when filtered or read.
        var toVersion = context.TableOf(step.To.ElementType);
        EntitySet targets;
        int[]? neighbourToEntity = null;
        if (step.ResolvesTarget)
        {
            var predicates = context.Predicates(step.TargetFilters);
            if (predicates is not { } targetFilters)
            {
                return table.Empty();
            }

            ImmutableArray<string> columns = [.. step.TargetColumns.Select(static p => p.Name)];
            var selection = await context.Grain(toVersion).SelectAsync(toVersion, new TableSelectionRequest(new KeyBatch(result.Neighbours), targetFilters, columns) { IncludeRowAddresses = false }, context.CancellationToken);
            if (targetFilters.IsEmpty && selection.RowCount != result.Neighbours.Length)
            {
                throw MissingNodes(toVersion, result.Neighbours, selection.InputPositions);
            }

            targets = new EntitySet(step.To, toVersion, selection.Ids, selection.Rows);
            targets.AddColumns(step.TargetColumns, selection.Columns);
            neighbourToEntity = new int[result.Neighbours.Length];
            neighbourToEntity.AsSpan().Fill(-1);
            for (var i = 0; i < selection.RowCount; i++)
            {
                neighbourToEntity[selection.InputPositions[i]] = i;
            }
        }
        else
        {
            targets = new EntitySet(step.To, toVersion, result.Neighbours, default);
        }

        EntitySet? edges = null;
        if (edgeVariable is not null)
        {
            edges = new EntitySet(edgeVariable, edgeVersion, result.EdgeIds!, result.EdgeRows);
            edges.AddColumns(step.EdgeColumns, result.EdgeColumns);
        }

        // One row per (row, entry) whose neighbour survived the lookup.
        var fromSlot = table.SlotOf(step.From.Id);
        var offsets = result.Offsets;
        var ordinals = result.NeighbourOrdinals;
        long total = 0;
        for (var row = 0; row < table.RowCount; row++)
        {
            CancellationChecks.Every(row, context.CancellationToken);
            var position = positionOf[fromSlot[row]];
            for (var entry = offsets[position]; entry < offsets[position + 1]; entry++)
            {
                if (neighbourToEntity is null || neighbourToEntity[ordinals[entry]] >= 0)
                {
                    total++;
                }
            }
        }

        context.CheckRows(total);
        var parents = new int[total];
        var targetOrdinals = new int[total];
        var edgeOrdinals = edges is null ? null : new int[total];
        var next = 0;
        for (var row = 0; row < table.RowCount; row++)
        {
            CancellationChecks.Every(row, context.CancellationToken);
            var position = positionOf[fromSlot[row]];
            for (var entry = offsets[position]; entry < offsets[position + 1]; entry++)
            {
                var entity = neighbourToEntity is null ? ordinals[entry] : neighbourToEntity[ordinals[entry]];
                if (entity < 0)
                {
                    continue;
                }

                parents[next] = row;
                targetOrdinals[next] = entity;
                if (edgeOrdinals is not null)
                {
                    edgeOrdinals[next] = entry;
                }

                next++;
            }
        }

        return edges is null
            ? table.Extend(parents, [(step.To.Id, targets, targetOrdinals)])
            : table.Extend(parents, [(step.To.Id, targets, targetOrdinals), (edgeVariable!.Id, edges, edgeOrdinals!)]);
    }

    private async Task<BindingTable> CountAsync(CountStep step, BindingTable table, bool weighted)
    {
        if (!weighted)
        {
            // Inside a negation rows carry no weight: the step is an existence test, one bit per source.
            return await ExistenceFilterAsync(step, table, keepWithNeighbour: true);
        }

        var edgePredicates = context.Predicates(step.EdgeFilters);
        if (edgePredicates is not { } edgeFilters)
        {
            return table.Empty();
        }

        var (sources, positionOf, wholeTable) = UsedSources(table, step.From.Id);
        var edgeVersion = context.TableOf(step.Traversal.Edge);
        var request = new TraversalRequest(sources, step.Direction, step.MinHops, step.MaxHops, step.CountEdges ? TraversalOutput.EdgeCounts : TraversalOutput.NeighbourCounts)
        {
            EdgeFilters = edgeFilters,
            SourceTable = wholeTable,
        };
        var counts = (await context.Grain(edgeVersion).TraverseAsync(edgeVersion, request, context.CancellationToken)).Counts;
        var fromSlot = table.SlotOf(step.From.Id);
        var factors = new long[table.RowCount];
        var kept = 0;
        for (var row = 0; row < factors.Length; row++)
        {
            var count = counts[positionOf[fromSlot[row]]];
            factors[row] = count;
            if (count > 0)
            {
                kept++;
            }
        }

        if (kept < factors.Length)
        {
            // Rows without any neighbour go; the factors of the rows that stay move up in order.
            var rows = new int[kept];
            var next = 0;
            for (var row = 0; row < factors.Length; row++)
            {
                if (factors[row] > 0)
                {
                    factors[next] = factors[row];
                    rows[next++] = row;
                }
            }

            table = table.Select(rows);
            Array.Resize(ref factors, kept);
        }

        return table.Weighted(factors);
    }

    /// <summary>
    /// The rows whose source of <paramref name="step"/> has a neighbour (<paramref name="keepWithNeighbour"/>), or has
    /// none (an anti-join): the edge grain answers one bit per distinct source, read warm from its existence bitmap
    /// when the sources are a whole node table.
    /// </summary>
    private async Task<BindingTable> ExistenceFilterAsync(CountStep step, BindingTable table, bool keepWithNeighbour)
    {
        var edgePredicates = context.Predicates(step.EdgeFilters);
        if (edgePredicates is not { } edgeFilters)
        {
            // An edge filter that matches nothing: no source has a matching edge.
            return keepWithNeighbour ? table.Empty() : table;
        }

        var (sources, positionOf, wholeTable) = UsedSources(table, step.From.Id);
        var edgeVersion = context.TableOf(step.Traversal.Edge);
        var request = new TraversalRequest(sources, step.Direction, step.MinHops, step.MaxHops, TraversalOutput.Existence)
        {
            EdgeFilters = edgeFilters,
            SourceTable = wholeTable,
        };
        var existence = await context.Grain(edgeVersion).TraverseAsync(edgeVersion, request, context.CancellationToken);
        var fromSlot = table.SlotOf(step.From.Id);
        var rows = new int[table.RowCount];
        var kept = 0;
        for (var row = 0; row < rows.Length; row++)
        {
            if (existence.Exists(positionOf[fromSlot[row]]) == keepWithNeighbour)
            {
                rows[kept++] = row;
            }
        }

        return kept == rows.Length ? table : table.Select(rows.AsSpan(0, kept));
    }

    private async Task<BindingTable> JoinAsync(JoinStep step, BindingTable table)
    {
        var edgePredicates = context.Predicates(step.EdgeFilters);
        if (edgePredicates is not { } edgeFilters)
        {
            return table.Empty();
        }

        var traversal = step.Traversal;
        var (sources, positionOf, wholeTable) = UsedSources(table, traversal.Left.Id);
        var edgeVariable = traversal.EdgeVariable;
        var edgeVersion = context.TableOf(traversal.Edge);
        var request = new TraversalRequest(sources, step.Direction, step.MinHops, step.MaxHops, edgeVariable is null ? TraversalOutput.Neighbours : TraversalOutput.Edges)
        {
            EdgeFilters = edgeFilters,
            EdgeColumns = [.. step.EdgeColumns.Select(static p => p.Name)],
            SourceTable = wholeTable,
        };
        var result = await context.Grain(edgeVersion).TraverseAsync(edgeVersion, request, context.CancellationToken);

        // Neighbours as entities of the right variable (-1: not among them).
        var right = table.EntitiesOf(traversal.Right.Id);
        var index = new Utf8IdIndex(right.Ids);
        var neighbourToEntity = new int[result.Neighbours.Length];
        for (var i = 0; i < neighbourToEntity.Length; i++)
        {
            neighbourToEntity[i] = index.Find(result.Neighbours.GetBytes(i));
        }

        var leftSlot = table.SlotOf(traversal.Left.Id);
        var rightSlot = table.SlotOf(traversal.Right.Id);
        var offsets = result.Offsets;
        var ordinals = result.NeighbourOrdinals;
        if (edgeVariable is null)
        {
            var pairs = new HashSet<long>();
            for (var position = 0; position < sources.Count; position++)
            {
                for (var entry = offsets[position]; entry < offsets[position + 1]; entry++)
                {
                    var entity = neighbourToEntity[ordinals[entry]];
                    if (entity >= 0)
                    {
                        pairs.Add(((long)position << 32) | (uint)entity);
                    }
                }
            }

            var kept = new List<int>();
            for (var row = 0; row < table.RowCount; row++)
            {
                if (pairs.Contains(((long)positionOf[leftSlot[row]] << 32) | (uint)rightSlot[row]))
                {
                    kept.Add(row);
                }
            }

            return table.Select(CollectionsMarshal.AsSpan(kept));
        }

        // With an edge variable: one row per edge from the left entity to the right one.
        var edges = new EntitySet(edgeVariable, edgeVersion, result.EdgeIds!, result.EdgeRows);
        edges.AddColumns(step.EdgeColumns, result.EdgeColumns);
        var parents = new List<int>();
        var edgeOrdinals = new List<int>();
        for (var row = 0; row < table.RowCount; row++)
        {
            var position = positionOf[leftSlot[row]];
            for (var entry = offsets[position]; entry < offsets[position + 1]; entry++)
            {
                if (neighbourToEntity[ordinals[entry]] == rightSlot[row])
                {
                    parents.Add(row);
                    edgeOrdinals.Add(entry);
                }
            }
        }

        return table.Extend(CollectionsMarshal.AsSpan(parents), [(edgeVariable.Id, edges, edgeOrdinals.ToArray())]);
    }
}
