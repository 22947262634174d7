using System.Collections.ObjectModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Orleans.TestingHost;

/// <summary>
/// A one-silo cluster hosted in the test process (shaped like Orleans' <c>InProcessTestCluster</c>). The silo runs in
/// its own generic host with the in-process runtime; <see cref="Client"/> is the silo's co-hosted client.
/// </summary>
/// <remarks>
/// Besides graceful <see cref="StopSiloAsync"/>, <see cref="KillSiloAsync"/> simulates a crash: no activation runs
/// another turn or its <c>OnDeactivateAsync</c>, so tests can check what survives in storage. A new silo can then be
/// started on the same configuration (and therefore the same storage) with <see cref="StartAdditionalSiloAsync"/>.
/// </remarks>
public sealed class InProcessTestCluster : IDisposable, IAsyncDisposable
{
    private readonly Lock _lock = new();
    private InProcessSiloHandle? _silo;
    private int _startedSilos;

    internal InProcessTestCluster(InProcessTestClusterOptions options)
    {
        Options = options;
    }

    /// <summary>The options the cluster was built with.</summary>
    public InProcessTestClusterOptions Options { get; }

    /// <summary>The running silos (zero or one).</summary>
    public ReadOnlyCollection<InProcessSiloHandle> Silos
    {
        get
        {
            lock (_lock)
            {
                return _silo is null ? ReadOnlyCollection<InProcessSiloHandle>.Empty : new([_silo]);
            }
        }
    }

    /// <summary>The running silo.</summary>
    /// <exception cref="InvalidOperationException">No silo is running.</exception>
    public InProcessSiloHandle Primary
    {
        get
        {
            lock (_lock)
            {
                return _silo ?? throw new InvalidOperationException("The test cluster has no running silo: it has not been deployed, or its silo was stopped or killed.");
            }
        }
    }

    /// <summary>The client (co-hosted with the running silo).</summary>
    public IClusterClient Client => Primary.ServiceProvider.GetRequiredService<IClusterClient>();

    /// <summary>The grain factory of <see cref="Client"/>.</summary>
    public IGrainFactory GrainFactory => Client;

    /// <summary>The running silo's services.</summary>
    public IServiceProvider ServiceProvider => Primary.ServiceProvider;

    /// <summary>The running silo's services (the only silo; the parameterless form of Orleans' method).</summary>
    public IServiceProvider GetSiloServiceProvider() => ServiceProvider;

    /// <summary>Starts the silo.</summary>
    /// <exception cref="InvalidOperationException">The cluster was already deployed.</exception>
    public async Task DeployAsync()
    {
        if (Volatile.Read(ref _startedSilos) > 0)
        {
            throw new InvalidOperationException("The test cluster has already been deployed.");
        }

        await StartSiloAsync().ConfigureAwait(false);
    }

    /// <summary>Starts a new silo with the cluster's configuration after the previous one was stopped or killed.</summary>
    /// <exception cref="InvalidOperationException">A silo is already running (the in-process runtime hosts one).</exception>
    public Task<InProcessSiloHandle> StartAdditionalSiloAsync() => StartSiloAsync();

    /// <summary>Stops a silo gracefully: every activation is deactivated (<c>OnDeactivateAsync</c> runs).</summary>
    public async Task StopSiloAsync(InProcessSiloHandle silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        Detach(silo);
        try
        {
            await silo.SiloHost.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await DisposeHostAsync(silo.SiloHost).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Kills a silo (crash simulation): activations are dropped without <c>OnDeactivateAsync</c>, queued and running
    /// calls fail with <see cref="SiloUnavailableException"/>, and no further grain turn runs.
    /// </summary>
    public async Task KillSiloAsync(InProcessSiloHandle silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        Detach(silo);
        silo.Runtime.Kill();

        // Disposing without StopAsync: hosted services are not stopped, like a process that dies.
        await DisposeHostAsync(silo.SiloHost).ConfigureAwait(false);
    }

    /// <summary>Stops the silo gracefully and starts a new one with the same configuration.</summary>
    public async Task<InProcessSiloHandle> RestartSiloAsync(InProcessSiloHandle silo)
    {
        await StopSiloAsync(silo).ConfigureAwait(false);
        return await StartSiloAsync().ConfigureAwait(false);
    }

    /// <summary>Stops every running silo gracefully.</summary>
    public async Task StopAllSilosAsync()
    {
        foreach (var silo in Silos)
        {
            await StopSiloAsync(silo).ConfigureAwait(false);
        }
    }

    /// <summary>The grain context of the current activation of <paramref name="grainId"/> (the first worker of a stateless worker).</summary>
    public bool TryGetGrainContext(GrainId grainId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IGrainContext? grainContext)
    {
        InProcessSiloHandle? silo;
        lock (_lock)
        {
            silo = _silo;
        }

        var activations = silo?.Runtime.GetActivations(grainId);
        grainContext = activations is { Count: > 0 } ? activations[0] : null;
        return grainContext is not null;
    }

    /// <summary>Completes when the current activation of <paramref name="grainId"/> has deactivated (at once if there is none).</summary>
    /// <remarks>Take the task before triggering the deactivation, so a quick reactivation cannot be observed instead.</remarks>
    public Task WaitForDeactivationAsync(GrainId grainId)
        => TryGetGrainContext(grainId, out var context) ? context.Deactivated : Task.CompletedTask;

    /// <inheritdoc cref="WaitForDeactivationAsync(GrainId)"/>
    public Task WaitForDeactivationAsync(IAddressable grain) => WaitForDeactivationAsync(grain.GetGrainId());

    /// <summary>Deactivates the current activation of <paramref name="grainId"/> and waits until it is gone.</summary>
    public async Task DeactivateAsync(GrainId grainId)
    {
        if (TryGetGrainContext(grainId, out var context))
        {
            context.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, $"{nameof(DeactivateAsync)} was called."));
            await context.Deactivated.ConfigureAwait(false);
        }
    }

    /// <inheritdoc cref="DeactivateAsync(GrainId)"/>
    public Task DeactivateAsync(IAddressable grain) => DeactivateAsync(grain.GetGrainId());

    /// <summary>Stops the running silo gracefully.</summary>
    public async ValueTask DisposeAsync() => await StopAllSilosAsync().ConfigureAwait(false);

    /// <summary>Stops the running silo gracefully.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<InProcessSiloHandle> StartSiloAsync()
    {
        string name;
        lock (_lock)
        {
            if (_silo is not null)
            {
                throw new InvalidOperationException("The in-process test cluster already has a running silo; it hosts exactly one.");
            }

            var number = _startedSilos++;
            name = number == 0 ? "Primary" : $"Restarted_{number}";
        }

        var siloOptions = new InProcessTestSiloSpecificOptions { SiloName = name };
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = Options.ClusterId, EnvironmentName = Environments.Development });
        builder.Services.AddLogging();
        builder.UseOrleans(silo => silo.Services.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = Options.ClusterId;
            cluster.ServiceId = Options.ServiceId;
        }));
        foreach (var configure in Options.SiloHostConfigurationDelegates)
        {
            configure(siloOptions, builder);
        }

        var host = builder.Build();
        try
        {
            await host.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await DisposeHostAsync(host).ConfigureAwait(false);
            throw;
        }

        var handle = new InProcessSiloHandle(name, host);
        lock (_lock)
        {
            _silo = handle;
        }

        return handle;
    }

    private void Detach(InProcessSiloHandle silo)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(_silo, silo))
            {
                throw new InvalidOperationException($"Silo {silo} is not running in this cluster.");
            }

            _silo = null;
        }
    }

    private static async Task DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            host.Dispose();
        }
    }
}
