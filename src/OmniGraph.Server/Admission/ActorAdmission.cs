using System.Collections.Concurrent;

namespace OmniGraph.Server.Admission;

/// <summary>
/// Per-actor admission of writes (operations.md §2.3): at most <see cref="OmniGraphServerOptions.PerActorInFlightMax"/>
/// requests and <see cref="OmniGraphServerOptions.PerActorBytesMax"/> estimated bytes in flight per actor. Admission is
/// a non-blocking try: a request over either budget is refused at once with 429 and <c>Retry-After</c>, and holds
/// nothing. It runs after authorization, so a denied request never takes a slot. Reads are not admission-gated.
/// </summary>
public sealed class ActorAdmission(IOptions<OmniGraphServerOptions> options)
{
    /// <summary>The admission key of requests without an actor (open mode).</summary>
    public const string AnonymousActor = "anonymous";

    private readonly ConcurrentDictionary<string, Budget> _budgets = new(StringComparer.Ordinal);

    /// <summary>Admits a request of <paramref name="bytes"/> estimated bytes for <paramref name="actor"/>; dispose the lease when it ends.</summary>
    /// <exception cref="OmniGraphException">Code <c>too_many_requests</c> (429): a budget is full.</exception>
    public IDisposable Admit(string? actor, long bytes)
    {
        var key = actor ?? AnonymousActor;
        var budget = _budgets.GetOrAdd(key, static _ => new Budget());
        var settings = options.Value;
        lock (budget)
        {
            if (budget.Requests >= settings.PerActorInFlightMax)
            {
                throw ServerErrors.TooManyRequests(key, $"{budget.Requests} requests in flight, limit {settings.PerActorInFlightMax}");
            }

            if (budget.Bytes + bytes > settings.PerActorBytesMax)
            {
                throw ServerErrors.TooManyRequests(key, $"{budget.Bytes + bytes} bytes in flight with this one, limit {settings.PerActorBytesMax}");
            }

            budget.Requests++;
            budget.Bytes += bytes;
        }

        return new Lease(budget, bytes);
    }

    /// <summary>The requests of <paramref name="actor"/> (<c>null</c>: open mode) admitted and not yet ended.</summary>
    internal int InFlight(string? actor)
    {
        if (!_budgets.TryGetValue(actor ?? AnonymousActor, out var budget))
        {
            return 0;
        }

        lock (budget)
        {
            return budget.Requests;
        }
    }

    private sealed class Budget
    {
        public int Requests;
        public long Bytes;
    }

    private sealed class Lease(Budget budget, long bytes) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                lock (budget)
                {
                    budget.Requests--;
                    budget.Bytes -= bytes;
                }
            }
        }
    }
}
