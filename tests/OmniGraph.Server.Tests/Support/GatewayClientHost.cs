using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OmniGraph.Abstractions;

namespace OmniGraph.Server.Tests.Support;

/// <summary>An application host with an Orleans client of a server's gateway (<c>AddOmniGraphClient</c>), started.</summary>
internal sealed class GatewayClientHost : IAsyncDisposable
{
    private readonly IHost _host;

    private GatewayClientHost(IHost host) => _host = host;

    /// <summary>The client of graph <paramref name="graphId"/>, through the gateway.</summary>
    public IGraphClient Graph(string graphId) => _host.Services.GetRequiredService<IGraphClientFactory>().GetClient(graphId);

    public static async Task<GatewayClientHost> StartAsync(IPEndPoint? gateway)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOmniGraphClient(options => options.Gateways.Add(gateway ?? throw new InvalidOperationException("the server opens no gateway")));
        var host = builder.Build();
        await host.StartAsync();
        return new GatewayClientHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
