namespace OmniGraph.Security.Tests.Support;

/// <summary>A clock that moves only when told (one microsecond and a bit per reading, so entries get distinct times).</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public static ManualClock At2025() => new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, 17), TimeSpan.Zero);
}
