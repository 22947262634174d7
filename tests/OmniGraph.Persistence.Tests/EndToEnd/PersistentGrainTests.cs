using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Abstractions.Serialization;
using OmniGraph.Storage;
using Orleans.Configuration;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using Orleans.TestingHost;

namespace OmniGraph.Persistence.Tests.EndToEnd;

/// <summary>
/// A grain with [PersistentState] on the test cluster, persisted by <see cref="ObjectStoreGrainStorage"/> over a local
/// directory: state survives deactivation and a fresh cluster; an external write makes the activation stale, the
/// write fails with InconsistentStateException, and the next call sees the external value.
/// </summary>
public sealed class PersistentGrainTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"og-e2e-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task State_SurvivesDeactivation_AndAFreshClusterOnTheSameDirectory()
    {
        await using (var cluster = await DeployAsync())
        {
            var grain = cluster.Client.GetGrain<IProfileGrain>("alice");
            await grain.SetName("Alice");
            await cluster.DeactivateAsync(grain);
            Assert.Equal("Alice", await grain.GetName());
        }

        Assert.Equal("""{"name":"Alice","writes":1}""", Encoding.UTF8.GetString((await new LocalDirectoryObjectStore(_root).GetAsync("profile-profile/alice.json")).Content.Span));

        await using var fresh = await DeployAsync();
        var again = fresh.Client.GetGrain<IProfileGrain>("alice");
        Assert.Equal("Alice", await again.GetName());
        Assert.Equal(1, await again.GetWrites());
    }

    [Fact]
    public async Task ExternalWrite_MakesTheActivationStale_WhichHealsAfterTheConflict()
    {
        await using var cluster = await DeployAsync();
        var grain = cluster.Client.GetGrain<IProfileGrain>("bob");
        await grain.SetName("Bob");

        // Another process writes the record through its own store on the same directory.
        var other = new LocalDirectoryObjectStore(_root);
        await other.PutAsync("profile-profile/bob.json", Encoding.UTF8.GetBytes("""{"name":"Robert","writes":7}"""), WriteCondition.None);

        var deactivated = cluster.WaitForDeactivationAsync(grain);
        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetName("Bobby"));
        await deactivated.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("Robert", await grain.GetName());
        await grain.SetName("Bob again");
        Assert.Equal(8, await grain.GetWrites());
    }

    [Fact]
    public async Task Clear_DeletesTheObject()
    {
        await using var cluster = await DeployAsync();
        var grain = cluster.Client.GetGrain<IProfileGrain>("carol");
        await grain.SetName("Carol");
        var store = new LocalDirectoryObjectStore(_root);
        Assert.Equal("""{"name":"Carol","writes":1}""", Encoding.UTF8.GetString((await store.GetAsync("profile-profile/carol.json")).Content.Span));

        await grain.Clear();

        Assert.Null(await store.GetPropertiesAsync("profile-profile/carol.json"));
        Assert.Equal(string.Empty, await grain.GetName());
    }

    /// <summary>A crash (silo killed) loses nothing that was acknowledged: the next silo reads it back.</summary>
    [Fact]
    public async Task AcknowledgedWrites_SurviveAKilledSilo()
    {
        await using var cluster = await DeployAsync();
        await cluster.Client.GetGrain<IProfileGrain>("dave").SetName("Dave");

        await cluster.KillSiloAsync(cluster.Silos[0]);
        await cluster.StartAdditionalSiloAsync();

        // The client lost its only gateway: it reconnects to the new silo's once its gateway list is refreshed.
        Assert.Equal("Dave", await Reconnected(() => cluster.Client.GetGrain<IProfileGrain>("dave").GetName()));
    }

    /// <summary>The call's result once the client reaches a gateway again (a bounded number of tries, each waiting for the refresh).</summary>
    private static async Task<T> Reconnected<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (attempt < 60 && exception is ConnectionFailedException or SiloUnavailableException or OrleansMessageRejectionException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    private async Task<InProcessTestCluster> DeployAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureClient(static client => client
            .Configure<GatewayOptions>(static o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1))
            .Services.AddOmniGraphSerialization());
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddOmniGraphSerialization();
            silo.AddObjectStoreGrainStorage("store", options => options.ObjectStoreFactory = _ => new LocalDirectoryObjectStore(_root));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
