using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace OmniGraph.Server.Graphs;

/// <summary>
/// Counts the requests each graph's routes receive on this server (<c>GET /graphs/{id}/placement</c> reports them):
/// a total and one bucket per second over the last minute. Counting is one short lock per request on the graph's own
/// counter, so graphs never contend with each other.
/// </summary>
public sealed class GraphRequestRates(TimeProvider time)
{
    private const int WindowSeconds = 60;
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>Counts one request to <paramref name="graphId"/>.</summary>
    public void Record(string graphId) => _counters.GetOrAdd(graphId, static _ => new Counter()).Record(Second());

    /// <summary>The counts of <paramref name="graphId"/> now (zeros for a graph that has had no request).</summary>
    public RequestRates Read(string graphId) =>
        _counters.TryGetValue(graphId, out var counter) ? counter.Read(Second()) : new RequestRates(0, 0, [.. new long[WindowSeconds]]);

    private long Second() => time.GetUtcNow().ToUnixTimeSeconds();

    private sealed class Counter
    {
        private readonly long[] _buckets = new long[WindowSeconds];
        private readonly long[] _bucketSecond = new long[WindowSeconds];
        private long _total;

        public void Record(long second)
        {
            lock (_buckets)
            {
                var slot = (int)(second % WindowSeconds);
                if (_bucketSecond[slot] != second)
                {
                    _bucketSecond[slot] = second;
                    _buckets[slot] = 0;
                }

                _buckets[slot]++;
                _total++;
            }
        }

        public RequestRates Read(long now)
        {
            lock (_buckets)
            {
                var perSecond = ImmutableArray.CreateBuilder<long>(WindowSeconds);
                for (var second = now - WindowSeconds + 1; second <= now; second++)
                {
                    var slot = (int)(second % WindowSeconds);
                    perSecond.Add(_bucketSecond[slot] == second ? _buckets[slot] : 0);
                }

                var counts = perSecond.MoveToImmutable();
                return new RequestRates(_total, counts.Sum(), counts);
            }
        }
    }
}
