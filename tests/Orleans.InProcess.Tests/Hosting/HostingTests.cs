using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Infrastructure;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Orleans.InProcess.Tests.Hosting;

/// <summary>Hosting with the Orleans builder shape: UseOrleans / AddOrleans, validation, storage registration by name.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task UseOrleans_OnHostApplicationBuilder_RegistersACoHostedClient()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(new TestProbe());
        builder.UseOrleans(silo => silo.UseLocalhostClustering());
        using var host = builder.Build();
        await host.StartAsync();

        var client = host.Services.GetRequiredService<IClusterClient>();
        Assert.Same(client, host.Services.GetRequiredService<IGrainFactory>());
        Assert.Equal(1, await client.GetGrain<ICounterGrain>(TestClusters.UniqueKey()).Increment());

        await host.StopAsync();
    }

    [Fact]
    public async Task UseOrleans_OnIHostBuilder_AndAddOrleans_Work()
    {
        using var generic = new HostBuilder()
            .ConfigureServices(services => services.AddSingleton(new TestProbe()))
            .UseOrleans((context, silo) => silo.UseLocalhostClustering())
            .Build();
        await generic.StartAsync();
        Assert.Equal(1, await generic.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>(TestClusters.UniqueKey()).Increment());
        await generic.StopAsync();

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(new TestProbe());
        builder.Services.AddOrleans(silo => silo.UseLocalhostClustering());
        using var host = builder.Build();
        await host.StartAsync();
        Assert.Equal(1, await host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>(TestClusters.UniqueKey()).Increment());
        await host.StopAsync();
    }

    [Fact]
    public void RepeatedUseOrleans_ConfiguresOneSilo()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        ISiloBuilder? first = null;
        ISiloBuilder? second = null;
        builder.UseOrleans(silo => first = silo);
        builder.UseOrleans(silo => second = silo);

        Assert.Same(first, second);
        Assert.Single(builder.Services, d => d.ServiceType == typeof(IHostedService));
    }

    [Fact]
    public void UseLocalhostClustering_RecordsEndpoints_AndRejectsPortZero()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: 22222, gatewayPort: 0));
        using var host = builder.Build();

        var endpoints = host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal(IPAddress.Loopback, endpoints.AdvertisedIPAddress);
        Assert.Equal(22222, endpoints.SiloPort);
        Assert.Equal("dev", host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId);

        var bad = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        Assert.Throws<ArgumentOutOfRangeException>(() => bad.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: 0)));
    }

    [Theory]
    [InlineData("response-timeout")]
    [InlineData("inline-depth")]
    [InlineData("batch-size")]
    [InlineData("collection-quantum")]
    [InlineData("no-grain-assemblies")]
    public async Task InvalidConfiguration_FailsStartup(string problem)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleans(silo =>
        {
            switch (problem)
            {
                case "response-timeout":
                    silo.Services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(-1));
                    break;
                case "inline-depth":
                    silo.ConfigureInProcessRuntime(o => o.MaxInlineCallDepth = -1);
                    break;
                case "batch-size":
                    silo.ConfigureInProcessRuntime(o => o.TurnBatchSize = 0);
                    break;
                case "collection-quantum":
                    silo.Services.Configure<GrainCollectionOptions>(o => o.CollectionQuantum = TimeSpan.Zero);
                    break;
                default:
                    silo.ConfigureInProcessRuntime(o => o.ScanLoadedAssemblies = false);
                    break;
            }
        });
        using var host = builder.Build();

        await Assert.ThrowsAsync<OrleansConfigurationException>(() => host.StartAsync());
    }

    [Fact]
    public async Task ExplicitGrainAssembly_IsUsed_WhenScanningIsOff()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(new TestProbe());
        builder.UseOrleans(silo => silo
            .ConfigureInProcessRuntime(o => o.ScanLoadedAssemblies = false)
            .AddGrainAssembly(typeof(CounterGrain).Assembly));
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Equal(1, await host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>(TestClusters.UniqueKey()).Increment());
        await host.StopAsync();
    }

    [Fact]
    public async Task CallsBeforeTheHostStarts_FailWithSiloUnavailable()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(new TestProbe());
        builder.UseOrleans(_ => { });
        using var host = builder.Build();

        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>("early");

        var error = await Assert.ThrowsAsync<SiloUnavailableException>(() => grain.Increment());
        Assert.Contains("has not been started", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGrainStorage_RegistersByName_AndDefaultAlsoUnkeyed()
    {
        var named = new TestGrainStorage();
        var fallback = new TestGrainStorage();
        var services = new ServiceCollection();
        services.AddGrainStorage("named", (_, name) => { Assert.Equal("named", name); return named; });
        services.AddGrainStorage("Default", (_, _) => fallback);
        using var provider = services.BuildServiceProvider();

        Assert.Same(named, provider.GetRequiredKeyedService<IGrainStorage>("named"));
        Assert.Same(fallback, provider.GetRequiredKeyedService<IGrainStorage>("Default"));
        Assert.Same(fallback, provider.GetRequiredService<IGrainStorage>());
    }

    [Fact]
    public void WithoutDefaultProvider_NoUnkeyedStorageIsRegistered()
    {
        var services = new ServiceCollection();
        services.AddGrainStorage("named", (_, _) => new TestGrainStorage());
        using var provider = services.BuildServiceProvider();

        Assert.Null(provider.GetService<IGrainStorage>());
    }

    /// <summary>ConfigureHost, ConfigureSilo and ConfigureClient all configure the silo's (co-hosted) host, in order.</summary>
    [Fact]
    public async Task TestClusterBuilder_AppliesHostSiloAndClientDelegates()
    {
        var builder = new Orleans.TestingHost.InProcessTestClusterBuilder();
        builder.ConfigureHost(host => host.Services.AddSingleton(new TestProbe()));
        builder.ConfigureSilo((options, silo) => silo.Services.AddSingleton(new InjectedService()));
        builder.ConfigureClient(client => client.Services.Configure<ClusterOptions>(o => o.ServiceId = "from-client"));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        Assert.Equal("injected", await cluster.Client.GetGrain<ICounterGrain>(TestClusters.UniqueKey()).GetInjectedServiceName());
        Assert.Equal("from-client", cluster.ServiceProvider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId);
        Assert.Equal("Primary", cluster.Primary.Name);
        Assert.True(cluster.Primary.IsActive);
        Assert.Same(cluster.GetSiloServiceProvider(), cluster.ServiceProvider);
    }
}
