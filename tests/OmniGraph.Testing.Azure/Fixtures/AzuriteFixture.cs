namespace OmniGraph.Testing.Azure;

/// <summary>
/// An xunit class fixture that hands a test class the process-wide <see cref="AzuriteServer"/> (started by the first
/// class that needs it, stopped when the test process exits). Tests share it: give each one its own container
/// (<see cref="AzuriteFixtureBase.CreateStore"/>).
/// </summary>
public sealed class AzuriteFixture : AzuriteFixtureBase
{
    /// <inheritdoc />
    protected override bool OwnsServer => false;

    /// <inheritdoc />
    protected override Task<AzuriteServer> AcquireServerAsync() => AzuriteServer.GetSharedAsync();
}
