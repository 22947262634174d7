namespace Orleans.InProcess.Invocation;

/// <summary>
/// Enforces <c>MessagingOptions.ResponseTimeout</c> without a timer or cancellation source per call: calls that
/// did not complete inline are linked into one of a few striped, deadline-ordered lists, and one shared timer
/// sweeps the expired heads. Calls that complete inline never touch it; completion unlinks in O(1).
/// </summary>
internal sealed class ResponseTimeoutTracker : IDisposable
{
    private static readonly TimerCallback s_sweep = static state => ((ResponseTimeoutTracker)state!).Sweep();

    private readonly Stripe[] _stripes;
    private readonly int _stripeMask;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;
    private readonly long _timeoutInTimestampTicks;
    private readonly bool _enabled;
    private ITimer? _sweepTimer;
    private int _sweeping;

    internal ResponseTimeoutTracker(TimeProvider timeProvider, TimeSpan timeout)
    {
        _timeProvider = timeProvider;
        _timeout = timeout;
        _enabled = timeout != Timeout.InfiniteTimeSpan;
        _timeoutInTimestampTicks = _enabled ? (long)(timeout.TotalSeconds * timeProvider.TimestampFrequency) : long.MaxValue;

        // A power of two at least the core count keeps registration mostly uncontended.
        var stripeCount = (int)Math.Min(64, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount));
        _stripeMask = stripeCount - 1;
        _stripes = new Stripe[stripeCount];
        for (var i = 0; i < stripeCount; i++)
        {
            _stripes[i] = new Stripe();
        }
    }

    /// <summary>How often expired calls are looked for: a tenth of the timeout, between 1 ms and 1 s.</summary>
    internal TimeSpan SweepPeriod
    {
        get
        {
            if (!_enabled)
            {
                return Timeout.InfiniteTimeSpan;
            }

            var period = _timeout / 10;
            return period < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1)
                : period > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1)
                : period;
        }
    }

    /// <summary>Starts the sweep timer.</summary>
    internal void Start()
    {
        if (_enabled && _sweepTimer is null)
        {
            _sweepTimer = _timeProvider.CreateTimer(s_sweep, this, SweepPeriod, SweepPeriod);
        }
    }

    /// <summary>Starts the response timeout of <paramref name="request"/> now.</summary>
    internal void Register(GrainRequest request)
    {
        if (!_enabled)
        {
            return;
        }

        var index = Environment.CurrentManagedThreadId & _stripeMask;
        var stripe = _stripes[index];
        lock (stripe)
        {
            // Read the clock under the lock so each list stays sorted by deadline.
            request.TimeoutDeadline = _timeProvider.GetTimestamp() + _timeoutInTimestampTicks;
            request.TimeoutStripe = index;
            request.TimeoutPrevious = stripe.Tail;
            request.TimeoutNext = null;
            if (stripe.Tail is null)
            {
                stripe.Head = request;
            }
            else
            {
                stripe.Tail.TimeoutNext = request;
            }

            stripe.Tail = request;
        }
    }

    /// <summary>Stops tracking <paramref name="request"/> (its response was settled).</summary>
    internal void Unregister(GrainRequest request)
    {
        var index = request.TimeoutStripe;
        if (index < 0)
        {
            return;
        }

        var stripe = _stripes[index];
        lock (stripe)
        {
            if (request.TimeoutStripe == index)
            {
                stripe.Unlink(request);
            }
        }
    }

    /// <summary>Fails every tracked call with the exception <paramref name="reason"/> creates (silo killed or stopped).</summary>
    internal void RejectAll(Func<GrainRequest, Exception> reason)
    {
        foreach (var request in TakeAll(untilTimestamp: long.MaxValue))
        {
            request.Reject(reason(request));
        }
    }

    /// <summary>Times out every call whose deadline has passed.</summary>
    internal void Sweep()
    {
        // Timer callbacks may overlap when a sweep is slow; one sweep at a time is enough.
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            foreach (var request in TakeAll(_timeProvider.GetTimestamp()))
            {
                request.TimeOut(_timeout);
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private List<GrainRequest> TakeAll(long untilTimestamp)
    {
        var taken = new List<GrainRequest>();
        foreach (var stripe in _stripes)
        {
            lock (stripe)
            {
                while (stripe.Head is { } head && head.TimeoutDeadline <= untilTimestamp)
                {
                    stripe.Unlink(head);
                    taken.Add(head);
                }
            }
        }

        return taken;
    }

    public void Dispose()
    {
        _sweepTimer?.Dispose();
        _sweepTimer = null;
    }

    /// <summary>One deadline-ordered doubly linked list; the stripe object is its lock.</summary>
    private sealed class Stripe
    {
        internal GrainRequest? Head { get; set; }

        internal GrainRequest? Tail { get; set; }

        internal void Unlink(GrainRequest request)
        {
            if (request.TimeoutPrevious is { } previous)
            {
                previous.TimeoutNext = request.TimeoutNext;
            }
            else
            {
                Head = request.TimeoutNext;
            }

            if (request.TimeoutNext is { } next)
            {
                next.TimeoutPrevious = request.TimeoutPrevious;
            }
            else
            {
                Tail = request.TimeoutPrevious;
            }

            request.TimeoutPrevious = null;
            request.TimeoutNext = null;
            request.TimeoutStripe = -1;
        }
    }
}
