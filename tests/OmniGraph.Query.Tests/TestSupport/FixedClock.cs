namespace OmniGraph.Query.Tests;

/// <summary>A clock that always reads <paramref name="now"/>, so <c>now()</c> and unpinned bindings are deterministic.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>A clock at Unix time <paramref name="milliseconds"/>.</summary>
    public FixedClock(long milliseconds)
        : this(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
