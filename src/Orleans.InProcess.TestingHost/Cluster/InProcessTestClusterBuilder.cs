using Microsoft.Extensions.Hosting;
using Orleans.Hosting;

namespace Orleans.TestingHost;

/// <summary>
/// Builds an <see cref="InProcessTestCluster"/> (the delegate-style builder of Orleans 9+). The in-process runtime
/// hosts exactly one silo: a grain's single activation is guaranteed by one process-local catalog, and there is no
/// membership or grain directory to spread activations over several silos. The co-hosted client shares the silo's
/// host, so client and silo configuration delegates configure the same host.
/// </summary>
public sealed class InProcessTestClusterBuilder
{
    /// <summary>A builder for a one-silo cluster.</summary>
    public InProcessTestClusterBuilder()
        : this(1)
    {
    }

    /// <summary>A builder for a cluster of <paramref name="initialSilosCount"/> silos, which must be 1.</summary>
    /// <exception cref="NotSupportedException"><paramref name="initialSilosCount"/> is not 1.</exception>
    public InProcessTestClusterBuilder(short initialSilosCount)
    {
        if (initialSilosCount != 1)
        {
            throw new NotSupportedException(
                $"The in-process runtime hosts exactly one silo (asked for {initialSilosCount}): it has no membership or grain directory to share activations between silos.");
        }

        Options = new InProcessTestClusterOptions { InitialSilosCount = initialSilosCount };
    }

    /// <summary>The options the cluster is built with.</summary>
    public InProcessTestClusterOptions Options { get; }

    /// <summary>Adds a delegate configuring the silo's host (services, configuration, logging).</summary>
    public InProcessTestClusterBuilder ConfigureHost(Action<IHostApplicationBuilder> configureDelegate)
    {
        ArgumentNullException.ThrowIfNull(configureDelegate);
        Options.SiloHostConfigurationDelegates.Add((_, host) => configureDelegate(host));
        return this;
    }

    /// <summary>Adds a delegate configuring the silo.</summary>
    public InProcessTestClusterBuilder ConfigureSilo(Action<InProcessTestSiloSpecificOptions, ISiloBuilder> configureSiloDelegate)
    {
        ArgumentNullException.ThrowIfNull(configureSiloDelegate);
        Options.SiloHostConfigurationDelegates.Add((options, host) => host.UseOrleans(silo => configureSiloDelegate(options, silo)));
        return this;
    }

    /// <summary>Adds a delegate configuring the silo's host with the silo's options.</summary>
    public InProcessTestClusterBuilder ConfigureSiloHost(Action<InProcessTestSiloSpecificOptions, IHostApplicationBuilder> configureSiloHostDelegate)
    {
        ArgumentNullException.ThrowIfNull(configureSiloHostDelegate);
        Options.SiloHostConfigurationDelegates.Add(configureSiloHostDelegate);
        return this;
    }

    /// <summary>Adds a delegate configuring the client (the co-hosted one, so it configures the silo's host).</summary>
    public InProcessTestClusterBuilder ConfigureClient(Action<IClientBuilder> configureClientDelegate)
    {
        ArgumentNullException.ThrowIfNull(configureClientDelegate);
        Options.SiloHostConfigurationDelegates.Add((_, host) => host.UseOrleans(silo => configureClientDelegate((IClientBuilder)silo)));
        return this;
    }

    /// <summary>Creates the cluster (not started: call <see cref="InProcessTestCluster.DeployAsync"/>).</summary>
    public InProcessTestCluster Build() => new(Options);
}
