using Microsoft.Extensions.Options;
using OmniGraph.Execution.Hosting;
using OmniGraph.Query.Ir;

namespace OmniGraph.Execution.Planning;

/// <summary>
/// Physical plans by compiled query. The compiler caches a compiled query per (query text, query name, schema hash), so
/// keying plans by that instance caches them per the same triple; least recently used plans are dropped past
/// <see cref="QueryExecutionOptions.PlanCacheCapacity"/>. Thread-safe (query grains are stateless workers).
/// </summary>
internal sealed class QueryPlanCache(IOptions<QueryExecutionOptions> options)
{
    private readonly int _capacity = options.Value.PlanCacheCapacity;
    private readonly Dictionary<ReadQuery, LinkedListNode<(ReadQuery Query, QueryPlan Plan)>> _entries = new(ReferenceEqualityComparer.Instance);
    private readonly LinkedList<(ReadQuery Query, QueryPlan Plan)> _recency = new();
    private readonly Lock _lock = new();

    /// <summary>Plans cached now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The plan of <paramref name="query"/> (planned on first use).</summary>
    public QueryPlan GetOrPlan(ReadQuery query)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(query, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Plan;
            }
        }

        var plan = QueryPlanner.Plan(query);
        if (_capacity == 0)
        {
            return plan;
        }

        lock (_lock)
        {
            if (!_entries.ContainsKey(query))
            {
                _entries[query] = _recency.AddFirst((query, plan));
                if (_entries.Count > _capacity)
                {
                    var oldest = _recency.Last!;
                    _recency.RemoveLast();
                    _entries.Remove(oldest.Value.Query);
                }
            }
        }

        return plan;
    }
}
