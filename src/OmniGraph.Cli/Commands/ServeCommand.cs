using System.CommandLine;
using System.Globalization;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Security;
using OmniGraph.Server.Hosting;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph serve --store ROOT [--bind ADDR:PORT] [--unauthenticated] [--policy FILE] [--graph-policy ID=FILE]…
/// [--server-policy FILE] [--gateway-port PORT] [--clustering localhost|azure] [--cluster-id ID] [--silo-port PORT]
/// [--advertise IP]</c>: serves the graphs under ROOT (one per child folder; a directory or <c>az://CONTAINER/PREFIX</c>)
/// over HTTP, an ASP.NET Core front-end co-hosted with an Orleans silo (docs/server.md). With <c>--clustering azure</c>
/// every server naming the same cluster id and storage account forms one cluster (docs/deploy-azure.md). Once every graph has opened and the listener is bound it prints exactly one line on standard
/// output, <c>OMNIGRAPH_LISTEN_ADDR=ip:port</c> (logs go to standard error). SIGINT or SIGTERM stops it gracefully:
/// requests in flight finish, then the silo stops; the exit code is then 0. Bearer tokens come from the environment
/// (<c>OMNIGRAPH_SERVER_BEARER_TOKEN</c>, <c>_TOKENS_FILE</c>, <c>_TOKENS_JSON</c>); the policy files are read here,
/// strictly, before anything starts (docs/security.md).
/// </summary>
internal sealed class ServeCommand : ICliCommand
{
    /// <summary>The standard-output line that announces the bound address.</summary>
    public const string ListenLinePrefix = "OMNIGRAPH_LISTEN_ADDR=";

    /// <summary>Serve without authentication (as <c>--unauthenticated</c>).</summary>
    public const string UnauthenticatedVariable = "OMNIGRAPH_UNAUTHENTICATED";

    /// <summary>Write requests one actor may have in flight.</summary>
    public const string InFlightVariable = "OMNIGRAPH_PER_ACTOR_INFLIGHT_MAX";

    /// <summary>Request bytes one actor may have in flight.</summary>
    public const string BytesVariable = "OMNIGRAPH_PER_ACTOR_BYTES_MAX";

    public IReadOnlyList<string> Path { get; } = ["serve"];

    public Command Build(CliRuntime runtime)
    {
        var store = new Option<string>("--store") { Description = "The store root: a directory whose child folders are the graphs, or az://CONTAINER/PREFIX", Required = true, HelpName = "ROOT" };
        var bind = new Option<string>("--bind")
        {
            Description = $"The address to listen on; port 0 picks a free port (default {OmniGraphServerOptions.DefaultBind})",
            DefaultValueFactory = static _ => OmniGraphServerOptions.DefaultBind,
            HelpName = "ADDR:PORT",
        };
        var unauthenticated = new Option<bool>("--unauthenticated") { Description = $"Serve without bearer tokens (open mode; also {UnauthenticatedVariable}=1)" };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "Open the silo's gateway for Orleans clients on this port (0: a free one)", HelpName = "PORT" };
        var clustering = new Option<ServerClustering>("--clustering")
        {
            Description = "localhost: a cluster of this process; azure: membership in the storage account's table service (AZURE_STORAGE_CONNECTION_STRING)",
            DefaultValueFactory = static _ => ServerClustering.Localhost,
            HelpName = "localhost|azure",
        };
        var clusterId = new Option<string>("--cluster-id")
        {
            Description = "The cluster id every server of one cluster shares",
            DefaultValueFactory = static _ => Client.Cluster.OmniGraphClusterClientOptions.DefaultClusterId,
            HelpName = "ID",
        };
        var siloPort = new Option<int>("--silo-port") { Description = "The silo-to-silo port (0, the default: a free one)", HelpName = "PORT" };
        var advertise = new Option<string?>("--advertise") { Description = "The IP address other silos and clients reach this one at (default loopback)", HelpName = "IP" };
        var policy = new Option<string?>("--policy") { Description = "A graph policy bundle (YAML) bound to every served graph", HelpName = "FILE" };
        var graphPolicy = new Option<string[]>("--graph-policy")
        {
            Description = "A graph policy bundle bound to one graph instead of --policy (repeatable)",
            HelpName = "ID=FILE",
            AllowMultipleArgumentsPerToken = false,
        };
        var serverPolicy = new Option<string?>("--server-policy") { Description = "The server policy bundle (graph_list rules: who may list the graphs)", HelpName = "FILE" };
        var command = new Command("serve", "Serve the graphs under a store root over HTTP") { store, bind, unauthenticated, policy, graphPolicy, serverPolicy, gatewayPort, clustering, clusterId, siloPort, advertise };
        runtime.SetAction(command, json: null, async (parseResult, cancellationToken) =>
        {
            var console = runtime.Console;
            var options = new OmniGraphServerOptions
            {
                StoreRoot = parseResult.GetValue(store)!,
                Bind = parseResult.GetValue(bind)!,
                Unauthenticated = parseResult.GetValue(unauthenticated) || ServerRuntimeState.IsTruthy(Environment.GetEnvironmentVariable(UnauthenticatedVariable)),
                BearerTokens = BearerTokenSources.FromEnvironment(Environment.GetEnvironmentVariable),
                GatewayPort = parseResult.GetValue(gatewayPort),
                Clustering = parseResult.GetValue(clustering),
                ClusterId = parseResult.GetValue(clusterId)!,
                SiloPort = parseResult.GetValue(siloPort),
                PerActorInFlightMax = (int)await SettingAsync(console, InFlightVariable, OmniGraphServerOptions.DefaultPerActorInFlightMax, int.MaxValue),
                PerActorBytesMax = await SettingAsync(console, BytesVariable, OmniGraphServerOptions.DefaultPerActorBytesMax, long.MaxValue),
            };
            if (parseResult.GetValue(advertise) is { } address)
            {
                options.AdvertisedAddress = System.Net.IPAddress.TryParse(address, out var ip)
                    ? ip
                    : throw CliErrors.Usage($"--advertise needs an IP address, not '{ErrorText.Quote(address)}'");
            }

            if (parseResult.GetValue(policy) is { } policyFile)
            {
                options.GraphPolicy = await PolicyFile.ReadAsync(policyFile, cancellationToken);
            }

            foreach (var binding in parseResult.GetValue(graphPolicy) ?? [])
            {
                var (graphId, file) = GraphPolicyBinding(binding);
                if (!options.GraphPolicies.TryAdd(graphId, await PolicyFile.ReadAsync(file, cancellationToken)))
                {
                    throw CliErrors.Usage($"--graph-policy binds graph '{graphId}' twice");
                }
            }

            if (parseResult.GetValue(serverPolicy) is { } serverPolicyFile)
            {
                options.ServerPolicy = await PolicyFile.ReadAsync(serverPolicyFile, cancellationToken);
            }

            // A graceful stop drains requests for up to the shutdown timeout: the signal handler waits that long (plus
            // the silo's own stop) before it ends the process.
            runtime.Termination.GracePeriod = options.ShutdownTimeout + TimeSpan.FromSeconds(15);
            await using var server = await OmniGraphServer.StartAsync(options, cancellationToken);
            await console.Out.WriteLineAsync(ListenLinePrefix + server.ListenAddress.ToString());
            await console.Out.FlushAsync(cancellationToken);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // SIGINT or SIGTERM: the normal way to stop a server.
            }

            await server.StopAsync(CancellationToken.None);
            return CliExitCodes.Success;
        });
        return command;
    }

    /// <summary><c>ID=FILE</c> of <c>--graph-policy</c>.</summary>
    private static (string GraphId, string File) GraphPolicyBinding(string binding)
    {
        var equals = binding.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && equals < binding.Length - 1
            ? (binding[..equals], binding[(equals + 1)..])
            : throw CliErrors.Usage($"--graph-policy needs ID=FILE (a graph id, '=', a policy file), not '{ErrorText.Quote(binding)}'");
    }

    /// <summary>A positive whole number from the environment; an invalid value is reported on standard error and the default applies.</summary>
    private static async Task<long> SettingAsync(CliConsole console, string variable, long defaultValue, long max)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max)
        {
            return value;
        }

        await console.Error.WriteLineAsync($"warning: {variable}='{ErrorText.Quote(text)}' is not a whole number from 1 to {max}; the default {defaultValue} applies");
        return defaultValue;
    }
}
