using System.Collections.Concurrent;
using System.Diagnostics;

namespace OmniGraph.Server.Tests.Processes;

/// <summary>What the writers of a cluster test did: the writes a server acknowledged (with when they started), the writes in flight.</summary>
internal sealed class ClusterWriteLog
{
    private readonly ConcurrentDictionary<string, long> _acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _created = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _unexpected = new();
    private int _inFlight;
    private int _failed;
    private int _refused;

    /// <summary>Names of the persons whose insert was acknowledged with 200.</summary>
    public IReadOnlyCollection<string> Acknowledged => [.. _acknowledged.Keys];

    /// <summary>Writes whose outcome the client never learnt (connection lost, 5xx): present or absent, never half.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Writes refused cleanly with the typed answer their writer expects (a lost key race, a stale commit).</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>
    /// Keys that more than one acknowledged write reports it created (<c>inserted_nodes</c>): two inserts of one key that
    /// did not see each other (the later one must re-prepare and replace the node).
    /// </summary>
    public IReadOnlyCollection<string> CreatedTwice => [.. _created.Where(static c => c.Value > 1).Select(static c => c.Key)];

    /// <summary>Answers no writer expects (a 4xx other than its clean refusals, a stale-commit write that succeeded).</summary>
    public IReadOnlyCollection<string> Unexpected => [.. _unexpected];

    public int InFlight => Volatile.Read(ref _inFlight);

    public void Begin() => Interlocked.Increment(ref _inFlight);

    public void End() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Records an acknowledged write of <paramref name="name"/>; <paramref name="created"/> when its receipt says it created the node.</summary>
    public void Acknowledge(string name, long startedAt, bool created)
    {
        _acknowledged.TryAdd(name, startedAt);
        if (created)
        {
            _created.AddOrUpdate(name, 1, static (_, count) => count + 1);
        }
    }

    public void Fail() => Interlocked.Increment(ref _failed);

    public void Refuse() => Interlocked.Increment(ref _refused);

    public void Unexpect(string what) => _unexpected.Enqueue(what);

    /// <summary>Waits until at least <paramref name="count"/> writes were acknowledged; fails after <paramref name="within"/>.</summary>
    public async Task WaitForAcknowledgedAsync(int count, TimeSpan within)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (_acknowledged.Count < count)
        {
            Assert.True(Stopwatch.GetTimestamp() < deadline, $"only {_acknowledged.Count} of {count} writes were acknowledged within {within}");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until a write that started after <paramref name="since"/> is acknowledged: the time from then is the time to recover.</summary>
    public async Task<TimeSpan> WaitForRecoveryAsync(long since, TimeSpan within)
    {
        var deadline = since + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (_acknowledged.Values.Where(started => started > since).DefaultIfEmpty(0).Min() is var first && first > since)
            {
                return Stopwatch.GetElapsedTime(since);
            }

            Assert.True(Stopwatch.GetTimestamp() < deadline, $"no write started after the kill was acknowledged within {within}");
            await Task.Delay(50);
        }
    }
}
