using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OmniGraph.Client.Cluster;
using OmniGraph.Abstractions;
using OmniGraph.Abstractions.Serialization;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers an Orleans client of a running OmniGraph cluster in an application service.</summary>
public static class OmniGraphClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds an Orleans client that connects to the cluster's gateways (static gateway list), with OmniGraph's
    /// serializers, and an <see cref="IGraphClientFactory"/> over it: inject the factory and call
    /// <c>GetClient("social")</c> for an <see cref="IGraphClient"/>, or wrap it in a <see cref="GrainGraphService"/>. The
    /// host starts and stops the connection with the application.
    /// </summary>
    /// <example><code>
    /// builder.Services.AddOmniGraphClient(o => o.Gateways.Add(new IPEndPoint(IPAddress.Loopback, 30000)));
    /// app.MapGet("/people/{name}", async (string name, IGraphClientFactory graphs) =&gt; …);
    /// </code></example>
    /// <exception cref="OptionsValidationException">At start: no gateway, or a blank service or cluster id.</exception>
    public static IServiceCollection AddOmniGraphClient(this IServiceCollection services, Action<OmniGraphClusterClientOptions> configure)
        => services.AddOmniGraphClient(configure, useClustering: null);

    /// <summary>
    /// The same client, finding the cluster's gateways through <paramref name="useClustering"/> (a membership provider
    /// such as <c>UseOmniGraphAzureClustering</c>) rather than the static <see cref="OmniGraphClusterClientOptions.Gateways"/>
    /// list, which may then stay empty. <c>null</c>: the static list, as the overload without it.
    /// </summary>
    /// <exception cref="OptionsValidationException">At start: a blank service or cluster id; no gateway when no clustering is given.</exception>
    public static IServiceCollection AddOmniGraphClient(this IServiceCollection services, Action<OmniGraphClusterClientOptions> configure, Action<IClientBuilder>? useClustering)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OmniGraphClusterClientOptions>().Configure(configure).ValidateOnStart();
        var gatewaysFromMembership = useClustering is not null;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OmniGraphClusterClientOptions>>(new OmniGraphClusterClientOptionsValidator(gatewaysFromMembership)));
        services.AddOrleansClient(client =>
        {
            client.Services.AddOmniGraphSerialization();
            client.Services.AddOptions<ClusterOptions>().Configure<IOptions<OmniGraphClusterClientOptions>>(static (cluster, omnigraph) =>
            {
                cluster.ServiceId = omnigraph.Value.ServiceId;
                cluster.ClusterId = omnigraph.Value.ClusterId;
            });
            if (useClustering is not null)
            {
                useClustering(client);
            }
            else
            {
                client.UseStaticClustering(static gateways => gateways.Configure<IOptions<OmniGraphClusterClientOptions>>(static (list, omnigraph) =>
                    list.Gateways = [.. omnigraph.Value.Gateways.Select(static endpoint => endpoint.ToGatewayUri())]));
            }
        });
        services.TryAddSingleton<IGraphClientFactory>(static provider => new GraphClientFactory(provider.GetRequiredService<IClusterClient>()));
        return services;
    }
}

/// <summary>Validates <see cref="OmniGraphClusterClientOptions"/>.</summary>
internal sealed class OmniGraphClusterClientOptionsValidator(bool gatewaysFromMembership = false) : IValidateOptions<OmniGraphClusterClientOptions>
{
    public ValidateOptionsResult Validate(string? name, OmniGraphClusterClientOptions options)
    {
        var failures = new List<string>();
        if (options.Gateways.Count == 0 && !gatewaysFromMembership)
        {
            failures.Add("no gateway: add the silo gateway endpoint(s) of the cluster (omnigraph serve --gateway-port)");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId) || string.IsNullOrWhiteSpace(options.ClusterId))
        {
            failures.Add("the service id and the cluster id must not be blank");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
