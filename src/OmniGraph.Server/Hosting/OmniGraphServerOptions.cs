using System.Net;
using Microsoft.Extensions.Logging;
using OmniGraph.Azure;
using OmniGraph.Client.Cluster;

namespace OmniGraph.Server.Hosting;

/// <summary>Settings of an <see cref="OmniGraphServer"/> (<c>omnigraph serve</c>'s flags and environment, docs/server.md).</summary>
public sealed class OmniGraphServerOptions
{
    /// <summary>The default address: loopback, port 8080.</summary>
    public const string DefaultBind = "127.0.0.1:8080";

    /// <summary>The default body limit of a request: 1 MiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>The default body limit of a load: 32 MiB.</summary>
    public const long DefaultMaxLoadBodyBytes = 32L * 1024 * 1024;

    /// <summary>The default most rows of one Arrow Flight record batch a read streams.</summary>
    public const int DefaultFlightBatchRows = 65_536;

    /// <summary>The default of <see cref="MaxFlightPutBytes"/>: 1 GiB.</summary>
    public const long DefaultMaxFlightPutBytes = 1024L * 1024 * 1024;

    /// <summary>The default number of requests one actor may have in flight.</summary>
    public const int DefaultPerActorInFlightMax = 16;

    /// <summary>The default number of request bytes one actor may have in flight: 4 GiB.</summary>
    public const long DefaultPerActorBytesMax = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// The store root: a directory whose child folders are the graphs (graph id = folder name), or a blob store location
    /// <c>az://CONTAINER/PREFIX</c> whose folders are the graphs (the account from <c>AZURE_STORAGE_CONNECTION_STRING</c>
    /// unless the process registered an <c>az://</c> provider of its own).
    /// </summary>
    public string StoreRoot { get; set; } = string.Empty;

    /// <summary>Where to listen: <c>ADDR:PORT</c> (<c>[::1]:8080</c> for IPv6). Port 0 picks a free port. Default <see cref="DefaultBind"/>.</summary>
    public string Bind { get; set; } = DefaultBind;

    /// <summary>
    /// Serve without bearer tokens (open mode; <c>--unauthenticated</c>, <c>OMNIGRAPH_UNAUTHENTICATED</c>). Only when no
    /// token and no policy is configured: tokens or a policy win (the runtime-state table, docs/security.md).
    /// </summary>
    public bool Unauthenticated { get; set; }

    /// <summary>
    /// Where the bearer tokens come from (<c>OMNIGRAPH_SERVER_BEARER_TOKEN</c>, <c>_TOKENS_FILE</c>, <c>_TOKENS_JSON</c>;
    /// <see cref="BearerTokenSources.FromEnvironment"/>). Default: none. Read once, at start; kept only as hashes.
    /// </summary>
    public BearerTokenSources BearerTokens { get; set; } = BearerTokenSources.None;

    /// <summary>A graph policy bundle bound to every served graph (<c>--policy FILE</c>), or <c>null</c>.</summary>
    public PolicyBundle? GraphPolicy { get; set; }

    /// <summary>Graph id → the bundle bound to that graph instead of <see cref="GraphPolicy"/> (<c>--graph-policy ID=FILE</c>).</summary>
    public Dictionary<string, PolicyBundle> GraphPolicies { get; } = new(StringComparer.Ordinal);

    /// <summary>The server bundle (only <c>graph_list</c> rules; <c>--server-policy FILE</c>), or <c>null</c>: then <c>GET /graphs</c> is closed.</summary>
    public PolicyBundle? ServerPolicy { get; set; }

    /// <summary>
    /// The silo's gateway port for Orleans clients (<c>services.AddOmniGraphClient</c>), or <c>null</c> for none (the
    /// default: the front-end calls the grains in process). 0 picks a free port.
    /// </summary>
    public int? GatewayPort { get; set; }

    /// <summary>The silo-to-silo port. 0, the default, picks a free port.</summary>
    public int SiloPort { get; set; }

    /// <summary>
    /// How the silo finds the rest of its cluster (<c>--clustering</c>): <see cref="ServerClustering.Localhost"/> (the
    /// default: a cluster of this one process) or <see cref="ServerClustering.Azure"/> (membership in the storage
    /// account's table service, <see cref="AzureClustering"/>; several <c>omnigraph serve</c> processes, one cluster).
    /// </summary>
    public ServerClustering Clustering { get; set; }

    /// <summary>The membership table and its account, for <see cref="ServerClustering.Azure"/>.</summary>
    public AzureTableClusteringOptions AzureClustering { get; } = new();

    /// <summary>
    /// The address this silo gives the cluster for its silo and gateway ports (<c>--advertise</c>). Default loopback, one
    /// machine; in a container, its own IP. The silo then listens on every interface.
    /// </summary>
    public IPAddress AdvertisedAddress { get; set; } = IPAddress.Loopback;

    /// <summary>The cluster's service id (what an Orleans client names).</summary>
    public string ServiceId { get; set; } = OmniGraphClusterClientOptions.DefaultServiceId;

    /// <summary>The cluster id (what an Orleans client names).</summary>
    public string ClusterId { get; set; } = OmniGraphClusterClientOptions.DefaultClusterId;

    /// <summary>Body limit of every request but loads. Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>Body limit of <c>/load</c> and <c>/load/ndjson</c>. Default 32 MiB.</summary>
    public long MaxLoadBodyBytes { get; set; } = DefaultMaxLoadBodyBytes;

    /// <summary>Write requests one actor may have in flight (<c>OMNIGRAPH_PER_ACTOR_INFLIGHT_MAX</c>). Default 16.</summary>
    public int PerActorInFlightMax { get; set; } = DefaultPerActorInFlightMax;

    /// <summary>Request bytes one actor may have in flight (<c>OMNIGRAPH_PER_ACTOR_BYTES_MAX</c>). Default 4 GiB.</summary>
    public long PerActorBytesMax { get; set; } = DefaultPerActorBytesMax;

    /// <summary>
    /// The most rows of one record batch a Flight read streams (<c>DoGet</c>); a batch is also kept near 1 MiB, under the
    /// default 4 MiB message limit of gRPC clients. Default 65,536.
    /// </summary>
    public int FlightBatchRows { get; set; } = DefaultFlightBatchRows;

    /// <summary>
    /// The most Arrow buffer bytes one Flight put (<c>DoPut</c>) may send in all its batches (each batch is also at most
    /// <see cref="MaxLoadBodyBytes"/>, a gRPC message). A put past it fails with <c>resource_limit</c> and writes
    /// nothing. Default 1 GiB.
    /// </summary>
    public long MaxFlightPutBytes { get; set; } = DefaultMaxFlightPutBytes;

    /// <summary>How long a stop waits for requests in flight to finish. Default 30 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Logging (the server logs to standard error; standard output carries only the listen line).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>Adds to the co-hosted silo after the engine and its features are registered (tests: failpoints, a store).</summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; set; }

    /// <summary>The parsed <see cref="Bind"/>.</summary>
    /// <exception cref="OmniGraphException">Code <c>usage</c>: not <c>ADDR:PORT</c>.</exception>
    public IPEndPoint ParseBind() =>
        HasAddressAndPort(Bind) && IPEndPoint.TryParse(Bind, out var endpoint)
            ? endpoint
            : throw new OmniGraphException(ErrorCodes.Usage, $"--bind needs ADDR:PORT (an IP address and a port, e.g. 127.0.0.1:8080 or [::1]:0), not '{ErrorText.Quote(Bind)}'");

    /// <summary>
    /// Whether <paramref name="bind"/> is an IPv4 address or a bracketed IPv6 address, a colon and a decimal port.
    /// <see cref="IPEndPoint.TryParse(string, out IPEndPoint?)"/> alone reads a bare IPv6 address with a colon in it
    /// (<c>::1:8080</c>) as an address with port 0 — another address and a free port, not what was meant.
    /// </summary>
    private static bool HasAddressAndPort(string bind)
    {
        var colon = bind.LastIndexOf(':');
        return colon > 0 && colon < bind.Length - 1 && bind.AsSpan(colon + 1).IndexOfAnyExceptInRange('0', '9') < 0
            && (bind[0] == '[' ? bind[colon - 1] == ']' : bind.IndexOf(':', StringComparison.Ordinal) == colon);
    }
}
