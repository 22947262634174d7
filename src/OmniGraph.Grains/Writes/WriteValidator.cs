using OmniGraph.Schema;
using OmniGraph.Tables.Indexes;

namespace OmniGraph.Grains.Writes;

/// <summary>
/// The checks of a write that span tables, run on the write's post-image: the staged version of every written table
/// and the base version of every other one. Table grains have already refused, before writing anything, what a table
/// can judge alone (key conflicts, repeated ids, <c>@key</c>/<c>@unique</c> against committed rows); here:
/// <list type="number">
/// <item>every edge the write adds has both endpoints in the post-image (<c>src 'X' not found in Person</c>);</item>
/// <item>no edge of the post-image points at a node the write removed;</item>
/// <item>every source node the write touches (new, moved or removed edges; not a source it deletes) has a number of
/// outgoing edges its edge type's <c>@card</c> allows.</item>
/// </list>
/// The first violation is thrown, in that order, tables in table-key order; nothing is published. Given
/// <see cref="WriteViolations"/> (a merge) every violation is recorded there instead, and the checks run to their end.
/// </summary>
internal sealed class WriteValidator(IGrainFactory grains, string graphId, SchemaCatalog catalog, GraphSnapshot baseSnapshot, IReadOnlyDictionary<string, StagedTableVersion> staged, WriteViolations? violations = null)
{
    /// <summary>Runs the checks.</summary>
    /// <exception cref="OmniGraphException">Code <c>orphan_edge</c>: An endpoint is missing from the post-image.</exception>
    /// <exception cref="OmniGraphException">Code <c>cardinality_violation</c>: A touched source breaks its <c>@card</c>.</exception>
    public async Task ValidateAsync(CancellationToken cancellationToken = default)
    {
        var ordered = staged.Keys.Order(StringComparer.Ordinal).ToArray();
        foreach (var table in ordered)
        {
            if (catalog.TryGetElementType(table, out var type) && type is EdgeType edge)
            {
                var version = staged[table];
                await RequireNodesAsync(edge, edge.From, version.AddedSources, "src", cancellationToken);
                await RequireNodesAsync(edge, edge.To, version.AddedTargets, "dst", cancellationToken);
            }
        }

        foreach (var table in ordered)
        {
            if (catalog.TryGetElementType(table, out var type) && type is NodeType node && staged[table].RemovedIds.Count > 0)
            {
                await RequireNoEdgesToAsync(node, staged[table].RemovedIds, cancellationToken);
            }
        }

        foreach (var table in ordered)
        {
            if (catalog.TryGetElementType(table, out var type) && type is EdgeType { Cardinality.IsDefault: false } edge)
            {
                await CheckCardinalityAsync(edge, staged[table], cancellationToken);
            }
        }
    }

    private async Task RequireNodesAsync(EdgeType edge, NodeType node, KeyBatch ids, string endpoint, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var found = await GrainOf(PostImage(node.TableName)).ContainsKeysAsync(PostImage(node.TableName), ids, cancellationToken);
        for (var i = 0; i < found.Length; i++)
        {
            if (!found[i])
            {
                Report(edge.TableName, EngineErrors.OrphanEdge(edge.Name, endpoint, ids.GetString(i), node.Name, null));
            }
        }
    }

    private async Task RequireNoEdgesToAsync(NodeType node, KeyBatch removed, CancellationToken cancellationToken)
    {
        foreach (var edge in catalog.EdgeTypes.OrderBy(static e => e.TableName, StringComparer.Ordinal))
        {
            foreach (var (endpoint, direction) in new[] { ("src", EdgeDirection.Outgoing), ("dst", EdgeDirection.Incoming) })
            {
                var side = direction == EdgeDirection.Outgoing ? edge.From : edge.To;
                if (!ReferenceEquals(side, node))
                {
                    continue;
                }

                var post = PostImage(edge.TableName);
                var expansion = await GrainOf(post).ExpandAsync(post, direction, removed, cancellationToken);
                var reported = new HashSet<int>();
                for (var i = 0; i < expansion.Count; i++)
                {
                    // One finding per removed node (its first edge).
                    if (reported.Add(expansion.InputPositions[i]))
                    {
                        Report(edge.TableName, EngineErrors.OrphanEdge(edge.Name, endpoint, removed.GetString(expansion.InputPositions[i]), node.Name, expansion.EdgeIds.GetString(i)));
                    }
                }
            }
        }
    }

    private async Task CheckCardinalityAsync(EdgeType edge, StagedTableVersion version, CancellationToken cancellationToken)
    {
        var collector = new DistinctKeyCollector();
        for (var i = 0; i < version.AddedSources.Count; i++)
        {
            collector.Add(version.AddedSources[i]);
        }

        for (var i = 0; i < version.RemovedSources.Count; i++)
        {
            collector.Add(version.RemovedSources[i]);
        }

        if (collector.Count == 0)
        {
            return;
        }

        var touched = new KeyBatch(collector.ToColumn());

        // A source the write deletes is not checked (its edges must be gone anyway, which the orphan check enforces).
        var sources = PostImage(edge.From.TableName);
        var present = await GrainOf(sources).ContainsKeysAsync(sources, touched, cancellationToken);
        var kept = new List<string>();
        for (var i = 0; i < present.Length; i++)
        {
            if (present[i])
            {
                kept.Add(touched.GetString(i));
            }
        }

        if (kept.Count == 0)
        {
            return;
        }

        var checkedSources = KeyBatch.FromStrings(kept);
        var counts = await GrainOf(version.Version).CountOutgoingAsync(version.Version, checkedSources, cancellationToken);
        for (var i = 0; i < counts.Length; i++)
        {
            if (!edge.Cardinality.Allows(counts[i]))
            {
                Report(edge.TableName, EngineErrors.CardinalityViolation(edge.Name, kept[i], counts[i], edge.Cardinality.Min, edge.Cardinality.Max));
            }
        }
    }

    /// <summary>Throws the violation, or records it when every violation is wanted.</summary>
    private void Report(string table, OmniGraphException violation)
    {
        if (violations is null)
        {
            throw violation;
        }

        violations.Add(table, violation);
    }

    /// <summary>The table as it will be if the write publishes: its staged version, or the base version when untouched.</summary>
    private TableVersionRef PostImage(string table) =>
        staged.TryGetValue(table, out var version) ? version.Version : baseSnapshot.GetTable(table);

    /// <summary>The grain of the chain that holds a version (where it is warm).</summary>
    private ITableBranchProtocol GrainOf(TableVersionRef version) =>
        grains.GetGrain<ITableBranchProtocol>(GraphGrainKeys.TableBranch(graphId, version.Table, version.ChainBranch));
}
