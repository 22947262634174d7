namespace OmniGraph.Testing.Azure;

/// <summary>
/// An xunit class fixture with an <see cref="AzuriteServer"/> of the test class's own whose clock the tests move
/// (<see cref="AzuriteServer.AdvanceClockAsync"/>), for lease expiry. xunit runs one class's tests one after another,
/// so moving the clock disturbs no other test. Stopped when the class's tests end.
/// </summary>
public sealed class ClockedAzuriteFixture : AzuriteFixtureBase
{
    /// <inheritdoc />
    protected override bool OwnsServer => true;

    /// <inheritdoc />
    protected override Task<AzuriteServer> AcquireServerAsync() => AzuriteServer.StartAsync(new AzuriteServerOptions { ControllableClock = true });
}
