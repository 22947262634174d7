using System.Text.Json;
using OmniGraph.Security;
using OmniGraph.Server.Hosting;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Support;

/// <summary>
/// A real server on loopback over a temporary store whose actors authenticate with bearer tokens: the fixtures that
/// test policies (access matrix, stored queries, versioning) differ only in their graphs and policies, so the store,
/// the start, the per-actor clients and the tear-down live here once.
/// </summary>
public abstract class TokenServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _root = new();
    private readonly IReadOnlyDictionary<string, string> _tokens;

    /// <param name="tokens">Actor → bearer token.</param>
    protected TokenServerFixture(IReadOnlyDictionary<string, string> tokens) => _tokens = tokens;

    public OmniGraphServer Server { get; private set; } = null!;

    /// <summary>The store root: each child folder is a graph.</summary>
    public string Root => _root.Path;

    public async Task InitializeAsync()
    {
        await PrepareStoreAsync();
        Server = await OmniGraphServer.StartAsync(ServerOptions());
        OnStarted();
    }

    public virtual async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _root.Dispose();
    }

    /// <summary>A client sending <paramref name="actor"/>'s token (a new one each call: dispose it).</summary>
    public HttpClient As(string actor) => WithAuthorization($"Bearer {_tokens[actor]}");

    /// <summary>A client sending exactly <paramref name="authorization"/> as its <c>Authorization</c> header (dispose it).</summary>
    public HttpClient WithAuthorization(string authorization)
    {
        var client = new HttpClient { BaseAddress = Server.BaseAddress };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        return client;
    }

    /// <summary>The path of <paramref name="name"/> under the store root.</summary>
    protected string Combine(string name) => _root.Combine(name);

    /// <summary>Creates the graphs (and anything else the store holds) before the server starts.</summary>
    protected abstract Task PrepareStoreAsync();

    /// <summary>The options the server starts with (<see cref="TokenOptions"/> plus the fixture's policies).</summary>
    protected abstract OmniGraphServerOptions ServerOptions();

    /// <summary>Runs once the server listens.</summary>
    protected virtual void OnStarted()
    {
    }

    /// <summary>A loopback server on a free port over <paramref name="root"/>, authenticating <paramref name="tokens"/> (inline JSON), quiet, with a short shutdown.</summary>
    protected static OmniGraphServerOptions TokenOptions(string root, IReadOnlyDictionary<string, string> tokens) => new()
    {
        StoreRoot = root,
        Bind = "127.0.0.1:0",
        BearerTokens = new BearerTokenSources(null, null, JsonSerializer.Serialize(tokens)),
        ShutdownTimeout = TimeSpan.FromSeconds(5),
        ConfigureLogging = static _ => { },
    };
}
