using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Ingest;
using OmniGraph.Mutations.Matching;
using OmniGraph.Mutations.Pending;
using OmniGraph.Mutations.Values;
using OmniGraph.Query.Functions;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Parameters;
using OmniGraph.Query.Values;
using OmniGraph.Schema;
using OmniGraph.Search.Embeddings;

namespace OmniGraph.Mutations.Execution;

/// <summary>
/// One execution of a mutation query: runs the statements in order against the pinned snapshot plus the changes of the
/// statements before (read-your-writes), counting what they affect, and turns the result into the typed per-table
/// writes of one commit. Nothing here writes: the write coordinator stages, validates and publishes.
/// </summary>
/// <remarks>
/// Rule D2 makes a query either constructive (inserts and updates: pending rows, no deletions) or destructive (deletes
/// only: deletion sets, no pending rows), so the two never have to be reconciled.
/// </remarks>
internal sealed partial class MutationRun
{
    private readonly MutationQuery _query;
    private readonly QueryParameterValues _values;
    private readonly FunctionContext _functions;
    private readonly CommittedRows _committed;
    private readonly TextEmbedder _embedder;
    private readonly SortedDictionary<string, PendingNodeTable> _nodes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, PendingEdgeTable> _edges = new(StringComparer.Ordinal);
    private readonly PendingDeletes _deletes = new();
    private long _insertedOrUpdatedNodes;
    private long _insertedEdges;

    public MutationRun(MutationQuery query, QueryParameterValues values, CommittedRows committed, TextEmbedder embedder)
    {
        _embedder = embedder;
        _query = query;
        _values = values;
        _functions = FunctionContext.Of(values);
        _committed = committed;
    }

    /// <summary>Nodes affected (inserted or matched by updates per statement, or deleted once each).</summary>
    public long AffectedNodes => _query.Effect == MutationEffect.Destructive ? _deletes.Count(ElementKind.Node) : _insertedOrUpdatedNodes;

    /// <summary>Edges affected (inserted per statement, or deleted once each, cascades included).</summary>
    public long AffectedEdges => _query.Effect == MutationEffect.Destructive ? _deletes.Count(ElementKind.Edge) : _insertedEdges;

    /// <summary>Whether the statements changed anything (a query that changes nothing publishes nothing).</summary>
    public bool HasChanges => _nodes.Count > 0 || _edges.Count > 0 || _deletes.Tables.Any();

    /// <summary>Runs every statement in order (nothing is written: a cancellation anywhere leaves no trace).</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        foreach (var statement in _query.Statements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (statement)
            {
                case InsertNodeStatement insert:
                    await InsertNodeAsync(insert, cancellationToken);
                    break;
                case InsertEdgeStatement insert:
                    InsertEdge(insert);
                    break;
                case UpdateNodeStatement update:
                    await UpdateNodesAsync(update, cancellationToken);
                    break;
                case DeleteNodeStatement delete:
                    await DeleteNodesAsync(delete);
                    break;
                case DeleteEdgeStatement delete:
                    await DeleteEdgesAsync(delete);
                    break;
                default:
                    throw new InvalidOperationException($"unknown mutation statement {statement.Kind}");
            }
        }

        if (_query.Effect == MutationEffect.Destructive)
        {
            await CascadeAsync();
        }
    }

    /// <summary>
    /// How the node inserts landed, from what the commit did to each table: distinct nodes that are new, and existing
    /// nodes an insert replaced whole because it named their key (an upsert). A table's replaced rows are the rows the
    /// inserts replaced plus those only updates wrote (which all existed), so the latter are taken off.
    /// </summary>
    public (long Inserted, long Replaced) InsertOutcome(ImmutableArray<TableWriteSummary> tables)
    {
        long inserted = 0;
        long replaced = 0;
        foreach (var summary in tables)
        {
            if (_nodes.TryGetValue(summary.Table, out var pending) && pending.HasInserts)
            {
                inserted += summary.Inserted;
                replaced += summary.Replaced - pending.UpdatedOnlyCount;
            }
        }

        return (inserted, replaced);
    }

    /// <summary>The per-table writes of the commit, in table-key order (empty when nothing changed).</summary>
    /// <exception cref="OmniGraphException">Code <c>resource_limit</c>: A table would change more rows than <paramref name="maxRowsPerTable"/> allows (0: no limit).</exception>
    public ImmutableArray<TableWrite> BuildWrites(int maxRowsPerTable)
    {
        var writes = ImmutableArray.CreateBuilder<TableWrite>();
        foreach (var (table, pending) in _nodes)
        {
            CheckLimit(table, pending.Rows.Count, maxRowsPerTable);
            writes.Add(TableWrite.FromBatches(table, pending.Mode, RowBatchWriter.Write(TableLayout.For(pending.Type), pending.Rows)));
        }

        foreach (var (table, pending) in _edges)
        {
            CheckLimit(table, pending.Rows.Count, maxRowsPerTable);
            writes.Add(TableWrite.FromBatches(table, TableWriteMode.Insert, RowBatchWriter.Write(TableLayout.For(pending.Type), pending.Rows)));
        }

        foreach (var (type, _) in _deletes.Tables)
        {
            var ids = _deletes.IdsOf(type);
            CheckLimit(type.TableName, ids.Length, maxRowsPerTable);
            writes.Add(TableWrite.Delete(type.TableName, KeyBatch.FromStrings(ids)));
        }

        writes.Sort(static (a, b) => string.CompareOrdinal(a.Table, b.Table));
        return writes.ToImmutable();
    }

    private static void CheckLimit(string table, long rows, int limit)
    {
        if (limit > 0 && rows > limit)
        {
            throw EngineErrors.ResourceLimitExceeded($"mutation rows for {table}", limit, rows);
        }
    }

    /// <summary>The value of a literal, a parameter (bound for this execution) or a call of constants (<c>now()</c>: one timestamp per execution).</summary>
    private QueryValue Evaluate(QueryExpression expression) => ConstantEvaluator.Evaluate(expression, _values, _functions);

    private PendingNodeTable NodesOf(NodeType type)
    {
        if (!_nodes.TryGetValue(type.TableName, out var pending))
        {
            pending = new PendingNodeTable(type);
            _nodes[type.TableName] = pending;
        }

        return pending;
    }

    private PendingEdgeTable EdgesOf(EdgeType type)
    {
        if (!_edges.TryGetValue(type.TableName, out var pending))
        {
            pending = new PendingEdgeTable(type);
            _edges[type.TableName] = pending;
        }

        return pending;
    }
}
