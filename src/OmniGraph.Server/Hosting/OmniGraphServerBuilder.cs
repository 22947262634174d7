using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmniGraph.Server.Admission;
using OmniGraph.Server.Endpoints;
using OmniGraph.Server.Explorer;
using OmniGraph.Server.Flight;
using OmniGraph.Server.Mcp;
using OmniGraph.Server.Queries;
using OmniGraph.Azure;
using OmniGraph.Storage;
using OmniGraph.Storage.Azure;
using Orleans.Configuration;
using Scalar.AspNetCore;

namespace OmniGraph.Server.Hosting;

/// <summary>How an <see cref="OmniGraphServer"/> is put together: the web application, the co-hosted silo, the routes.</summary>
internal static class OmniGraphServerBuilder
{
    /// <summary>Builds the application (not started).</summary>
    public static async Task<WebApplication> BuildAsync(OmniGraphServerOptions options, CancellationToken cancellationToken)
    {
        var endpoint = options.ParseBind();
        if (string.IsNullOrWhiteSpace(options.StoreRoot))
        {
            throw new OmniGraphException(ErrorCodes.Usage, "the server needs a store root (--store ROOT): a directory whose child folders are graphs, or az://CONTAINER/PREFIX");
        }

        ValidateClustering(options);

        // az:// opens with the account of AZURE_STORAGE_CONNECTION_STRING unless the process registered a provider itself.
        if (ObjectStoreProviderRegistry.Default.Find(AzureBlobLocation.Scheme) is null)
        {
            AzureBlobObjectStoreProvider.Register();
        }

        var (graphs, skipped) = await ServedGraphs.DiscoverAsync(options.StoreRoot, cancellationToken).ConfigureAwait(false);

        // Tokens, bundles and the runtime mode are settled before anything starts: a bad token source or policy, or no
        // credentials at all, refuses the start with its own code.
        var access = ServerAccess.Build(options, graphs.Keys.ToList());
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(OmniGraphServer).Assembly.GetName().Name });
        ConfigureLogging(builder, options);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(access);
        builder.Services.AddSingleton<DecisionAudit>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // HTTP/1.1 for the routes and cleartext HTTP/2 for the Flight service (gRPC), on the same port.
            kestrel.Listen(endpoint, listen =>
            {
                listen.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1AndHttp2;
                listen.Use(Http2PriorKnowledge.Use);
            });
            kestrel.AllowAlternateSchemes = true;

            // Each route enforces its own limit (1 MiB, 32 MiB for loads) with the error envelope.
            kestrel.Limits.MaxRequestBodySize = null;
        });

        AddSilo(builder, options, graphs, access);
        builder.Services.AddSingleton<ServedGraphs>();
        builder.Services.AddHostedService(provider =>
        {
            var served = provider.GetRequiredService<ServedGraphs>();
            served.Configure(graphs);
            var logger = provider.GetRequiredService<ILogger<ServedGraphsOpener>>();
            foreach (var (name, reason) in skipped)
            {
                ServerLog.FolderSkipped(logger, name, reason);
            }

            return ActivatorUtilities.CreateInstance<ServedGraphsOpener>(provider);
        });
        builder.Services.AddSingleton<ActorAdmission>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<GraphRequestRates>();
        builder.Services.AddSingleton<ServedStoredQueries>();
        builder.Services.AddSingleton<StoredQueryInvoker>();
        builder.Services.Configure<JsonOptions>(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, WireJsonContext.Default));
        builder.Services.Configure<JsonOptions>(json => json.SerializerOptions.TypeInfoResolverChain.Add(OmniGraph.Query.Lint.LintJsonContext.Default));
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OmniGraph API";
            document.Info.Version = ServerInfo.Version;
            return Task.CompletedTask;
        }));
        builder.Services.AddOmniGraphFlight(options);
        builder.Services.AddOmniGraphMcp();
        ServerTelemetry.Add(builder);

        var app = builder.Build();

        // Errors outermost (every failure gets the envelope), then routing (the endpoint says what it needs), then the
        // bearer token (401 before the handler resolves the graph: 404 and 400 come after it).
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseRouting();
        app.UseMiddleware<BearerAuthenticationMiddleware>();
        app.MapOmniGraph();
        app.MapOmniGraphExplorer();
        app.MapOmniGraphFlight();
        app.MapOmniGraphMcp();
        app.MapOpenApi("/openapi.json").AllowsAnyone();
        app.MapScalarApiReference("/docs", scalar => scalar.WithOpenApiRoutePattern("/openapi.json").WithTitle("OmniGraph API")).AllowsAnyone();
        RouteAccessGuard.RequireDeclared(app);
        return app;
    }

    /// <summary>How the server authenticates, for the start-up log line.</summary>
    public static string AuthModeName(IServiceProvider services) => services.GetRequiredService<ServerAccess>().Describe();

    /// <summary>
    /// The silo: loopback clustering on a free port (or the configured one), a gateway only when asked for (Orleans
    /// clients in other processes), the engine with every graph found under the root (audited, with the graphs'
    /// policies), and the query, load and mutation features.
    /// </summary>
    private static void AddSilo(WebApplicationBuilder builder, OmniGraphServerOptions options, IReadOnlyDictionary<string, string> graphs, ServerAccess access)
    {
        builder.Services.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromMinutes(10));
        builder.UseOrleans(silo =>
        {
            var siloPort = options.SiloPort == 0 ? FreePort(options.AdvertisedAddress) : options.SiloPort;
            var gatewayPort = options.GatewayPort switch
            {
                null => 0,
                0 => FreePort(options.AdvertisedAddress),
                var port => port.Value,
            };
            if (options.Clustering == ServerClustering.Azure)
            {
                silo.UseOmniGraphAzureClustering(table =>
                {
                    table.ConnectionString = options.AzureClustering.ConnectionString;
                    table.TableServiceUri = options.AzureClustering.TableServiceUri;
                    table.Credential = options.AzureClustering.Credential;
                    table.TableName = options.AzureClustering.TableName;
                });
                silo.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ServiceId = options.ServiceId;
                    cluster.ClusterId = options.ClusterId;
                });
                silo.ConfigureEndpoints(options.AdvertisedAddress, siloPort, gatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(options.AdvertisedAddress));
            }
            else
            {
                silo.UseLocalhostClustering(siloPort: siloPort, gatewayPort: gatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            }

            // Graphs on the blob store keep their grains' state through Orleans' Azure Blob grain storage.
            silo.AddOmniGraphAzureBlobGrainStorage();
            silo.AddActivityPropagation();
            silo.AddOmniGraph(engine =>
            {
                foreach (var (id, location) in graphs)
                {
                    engine.AddGraph(id, location);
                }

                // Every commit through this server is audited, and re-checked against its graph's policy in the engine
                // (which also covers Orleans clients of the gateway, whom no HTTP handler checked).
                engine.AuditWrites = true;
                foreach (var (id, bundle) in access.GraphPolicies)
                {
                    engine.GraphPolicies[id] = bundle;
                }
            });
            silo.AddOmniGraphLoading();
            silo.AddOmniGraphExecution();
            silo.AddOmniGraphMutations();
            options.ConfigureSilo?.Invoke(silo);
        });
    }

    private static void ConfigureLogging(WebApplicationBuilder builder, OmniGraphServerOptions options)
    {
        builder.Logging.ClearProviders();
        if (options.ConfigureLogging is { } configure)
        {
            configure(builder.Logging);
            return;
        }

        // Standard output carries only the listen line: every log line goes to standard error.
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        // Kestrel warns that a cleartext endpoint allowing HTTP/1.1 and HTTP/2 serves HTTP/1.1 only; the server serves
        // prior-knowledge HTTP/2 on it (Http2PriorKnowledge), so the warning would mislead.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Error);
    }

    /// <summary>Refuses clustering settings that cannot work, before anything starts.</summary>
    private static void ValidateClustering(OmniGraphServerOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ClusterId) || string.IsNullOrWhiteSpace(options.ServiceId))
        {
            throw new OmniGraphException(ErrorCodes.Usage, "--cluster-id (and the service id) must not be blank");
        }

        if (options.SiloPort is < 0 or > 65535 || options.GatewayPort is < 0 or > 65535)
        {
            throw new OmniGraphException(ErrorCodes.Usage, "--silo-port and --gateway-port take a port from 0 (a free one) to 65535");
        }

        if (options.Clustering == ServerClustering.Azure)
        {
            var validation = new AzureTableClusteringOptionsValidator().Validate(null, options.AzureClustering);
            if (validation.Failed)
            {
                throw new OmniGraphException(ErrorCodes.Usage, $"--clustering azure: {validation.FailureMessage}");
            }

            // Fails now, with its own message, when no account is configured at all.
            _ = options.AzureClustering.CreateClient();
        }
    }

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(IPAddress.IsLoopback(address) ? IPAddress.Loopback : IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
