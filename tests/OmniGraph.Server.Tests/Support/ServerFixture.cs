using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Hosting;
using OmniGraph.Server.Hosting;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Support;

/// <summary>
/// One real server on loopback (port 0) shared by a test collection: a store root holding the graphs <c>g</c> (read
/// only: the acceptance data) and <c>w</c> (the same, for writes), a folder without a graph (<c>empty</c>, quarantined)
/// and a folder whose name is no graph id (<c>bad_name</c>, skipped). Open mode, a gateway for Orleans clients, and an
/// admission limit of one write in flight per actor (so a held write makes the next one 429, deterministically).
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _root = new();

    public OmniGraphServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string Root => _root.Path;

    public async Task InitializeAsync()
    {
        await CreateGraphAsync(_root.Combine("g"));
        await CreateGraphAsync(_root.Combine("w"));
        Directory.CreateDirectory(_root.Combine("empty"));
        Directory.CreateDirectory(_root.Combine("bad_name"));
        Server = await OmniGraphServer.StartAsync(Options(Root));
        Http = new HttpClient { BaseAddress = Server.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        _root.Dispose();
    }

    /// <summary>The options of the fixture's server on <paramref name="root"/>.</summary>
    public static OmniGraphServerOptions Options(string root) => new()
    {
        StoreRoot = root,
        Bind = "127.0.0.1:0",
        Unauthenticated = true,
        GatewayPort = 0,
        PerActorInFlightMax = 1,
        ShutdownTimeout = TimeSpan.FromSeconds(5),
        ConfigureLogging = static _ => { },
    };

    /// <summary>Creates a graph with the acceptance schema and data at <paramref name="location"/>.</summary>
    public static async Task CreateGraphAsync(string location)
    {
        await using var graph = await OmniGraphEmbedded.InitAsync(location, AcceptanceFixtures.TestSchema, static options => options.ConfigureSilo = static silo =>
        {
            silo.AddOmniGraphLoading();
            silo.AddOmniGraphExecution();
            silo.AddOmniGraphMutations();
        });
        await graph.Client.LoadJsonlAsync(AcceptanceFixtures.TestData, GraphLoadMode.Overwrite);
    }

    /// <summary>The number of commits on main of graph <paramref name="graphId"/>, read over HTTP.</summary>
    public async Task<int> CommitCountAsync(string graphId)
    {
        using var response = await Http.GetAsync($"graphs/{graphId}/commits");
        response.EnsureSuccessStatusCode();
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("commits").GetArrayLength();
    }

    /// <summary>A JSON body.</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>An NDJSON body.</summary>
    public static ByteArrayContent Ndjson(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
