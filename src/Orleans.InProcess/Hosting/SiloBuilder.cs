using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Hosting;

/// <summary>The <see cref="ISiloBuilder"/> and <see cref="IClientBuilder"/> over a host's service collection.</summary>
internal sealed class SiloBuilder : ISiloBuilder, IClientBuilder
{
    internal SiloBuilder(IServiceCollection services, IConfiguration configuration)
    {
        Services = services;
        Configuration = configuration;
    }

    public IServiceCollection Services { get; }

    public IConfiguration Configuration { get; }
}
