namespace OmniGraph.Grains.Tests.Support;

/// <summary>The system clock, shifted by a test (timers stay real).</summary>
internal sealed class ShiftableTime : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
