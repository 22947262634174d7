using OmniGraph.Testing.Azure;
using OmniGraph.Testing.Storage.Conformance;

namespace OmniGraph.Storage.Azure.Tests.Conformance;

/// <summary>
/// The object-store conformance runner on an Azurite of the test class's own, whose clock moves with the runner's: lease
/// expiry runs on the service's clock.
/// </summary>
public abstract class AzuriteConformanceTests(ClockedAzuriteFixture azurite) : ObjectStoreConformanceTests, IClassFixture<ClockedAzuriteFixture>
{
    protected ClockedAzuriteFixture Azurite { get; } = azurite;

    protected override async Task AdvanceTimeAsync(TimeSpan by)
    {
        await base.AdvanceTimeAsync(by);
        await Azurite.Server.AdvanceClockAsync(by);
    }
}
