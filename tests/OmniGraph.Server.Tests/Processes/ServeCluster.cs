using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OmniGraph.Cli.Serving;
using OmniGraph.Abstractions;
using OmniGraph.Testing.Azure;

namespace OmniGraph.Server.Tests.Processes;

/// <summary>
/// Several <c>omnigraph serve --clustering azure</c> processes over one Azurite (membership in its table service, graphs in
/// one blob container), and an Orleans client of the same cluster that asks where a graph's manifest grain lives.
/// </summary>
internal sealed class ServeCluster : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly List<Member> _members = [];
    private IHost? _client;

    private ServeCluster(AzuriteServer azurite, string container)
    {
        Container = container;
        ClusterId = "og-test-" + Guid.NewGuid().ToString("N")[..12];
        _environment = new Dictionary<string, string> { ["AZURE_STORAGE_CONNECTION_STRING"] = azurite.ConnectionString };
        Azurite = azurite;
    }

    public AzuriteServer Azurite { get; }

    public string Container { get; }

    public string ClusterId { get; }

    /// <summary>The store root every server serves: <c>az://CONTAINER/graphs</c>.</summary>
    public string Root => $"az://{Container}/graphs";

    /// <summary>The servers still running, in start order.</summary>
    public IReadOnlyList<Member> Alive => [.. _members.Where(static m => !m.Killed)];

    /// <summary>Creates graph <paramref name="graphId"/> under the root with the CLI (a process of its own), then starts <paramref name="servers"/> servers at once.</summary>
    public static async Task<ServeCluster> StartAsync(AzuriteServer azurite, string graphId, string schema, int servers)
    {
        var cluster = new ServeCluster(azurite, AzuriteStores.NewContainerName("cluster"));
        using var files = new OmniGraph.Testing.IO.TempDirectory();
        var schemaFile = files.Combine("schema.pg");
        await File.WriteAllTextAsync(schemaFile, schema);
        var init = await RunCliAsync(cluster._environment, "init", "--schema", schemaFile, $"{cluster.Root}/{graphId}");
        Assert.True(init.ExitCode == 0, $"omnigraph init failed: {init.Error}");

        var starts = Enumerable.Range(0, servers).Select(_ => cluster.StartMemberAsync()).ToList();
        cluster._members.AddRange(await Task.WhenAll(starts));
        return cluster;
    }

    /// <summary>The member whose silo holds the activation of <paramref name="graphId"/>'s manifest grain (activating it if needed).</summary>
    public async Task<Member> ManifestHostAsync(string graphId)
    {
        var client = await ClientAsync();
        var grain = client.GetGrain<IManifestGrain>(graphId);
        var management = client.GetGrain<IManagementGrain>(0);
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if (await management.GetActivationAddress(grain) is { } silo
                && Alive.FirstOrDefault(m => m.SiloPort == silo.Endpoint.Port) is { } member)
            {
                return member;
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"no live silo reports an activation of the manifest grain of '{graphId}'");
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            try
            {
                await _client.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
            }
            catch (Exception stop) when (stop is OperationCanceledException or OrleansException)
            {
                // The cluster may already be gone.
            }

            _client.Dispose();
        }

        foreach (var member in _members)
        {
            member.Process.Dispose();
        }
    }

    private async Task<IClusterClient> ClientAsync()
    {
        if (_client is null)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Services.AddOmniGraphAzureClient(
                options => options.ClusterId = ClusterId,
                table => table.ConnectionString = Azurite.ConnectionString);
            _client = builder.Build();
            await _client.StartAsync();
        }

        return _client.Services.GetRequiredService<IClusterClient>();
    }

    private async Task<Member> StartMemberAsync()
    {
        var siloPort = FreePort();
        var process = await ServeProcess.StartAsync(
            Root,
            _environment,
            "--unauthenticated",
            "--clustering", "azure",
            "--cluster-id", ClusterId,
            "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture),
            "--gateway-port", "0");
        return new Member(process, siloPort);
    }

    private static async Task<(int ExitCode, string Out, string Error)> RunCliAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "omnigraph.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start omnigraph");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One server process and its silo port.</summary>
    internal sealed class Member(ServeProcess process, int siloPort)
    {
        public ServeProcess Process { get; } = process;

        public int SiloPort { get; } = siloPort;

        public bool Killed { get; private set; }

        public Uri BaseAddress => Process.BaseAddress;

        /// <summary>SIGKILL, as a crash.</summary>
        public async Task KillAsync()
        {
            Killed = true;
            await Process.KillAsync();
        }
    }
}
