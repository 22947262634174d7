using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Orleans.InProcess.Hosting;

/// <summary>
/// Starts the in-process silo with the host (after validating configuration, like Orleans) and stops it gracefully
/// with the host. Registered by <c>UseOrleans</c> / <c>AddOrleans</c>.
/// </summary>
internal sealed class InProcessSiloHost : IHostedService
{
    private readonly IServiceProvider _services;
    private readonly InProcessRuntime _runtime;

    public InProcessSiloHost(IServiceProvider services, InProcessRuntime runtime)
    {
        _services = services;
        _runtime = runtime;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var validator in _services.GetServices<IConfigurationValidator>())
        {
            validator.ValidateConfiguration();
        }

        _runtime.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _runtime.StopAsync(cancellationToken);
}
