using ModelContextProtocol.Client;
using OmniGraph.Client.Http;
using OmniGraph.Security;
using OmniGraph.Server.Hosting;
using OmniGraph.Server.Tests.Support;

namespace OmniGraph.Server.Tests.Versioning;

/// <summary>
/// A server whose graph <c>v</c> has a protected <c>main</c>: <c>act-agent</c> reads everything and creates, changes
/// and merges into unprotected branches; <c>act-rev</c> reads and promotes into protected ones; <c>act-rita</c> only
/// reads; <c>act-max</c> may change any branch and apply schemas (so a write to main reaches the engine's protection). The versioning workflow of an agent (docs/branches.md, "Agents") runs on it over HTTP, the client and MCP.
/// </summary>
public sealed class VersioningServerFixture() : TokenServerFixture(Tokens)
{
    public const string Policy = """
        version: 1
        protected_branches: [main]
        groups:
          agents: [act-agent]
          reviewers: [act-rev]
          readers: [act-rita]
          maintainers: [act-max]
        rules:
          - id: agents-read
            allow: { actors: { group: agents }, actions: [read, export, invoke_query] }
          - id: agents-change
            allow: { actors: { group: agents }, actions: [change], branch_scope: unprotected }
          - id: agents-branch
            allow: { actors: { group: agents }, actions: [branch_create, branch_delete, branch_merge], target_branch_scope: unprotected }
          - id: reviewers-read
            allow: { actors: { group: reviewers }, actions: [read] }
          - id: reviewers-promote
            allow: { actors: { group: reviewers }, actions: [promote], target_branch_scope: protected }
          - id: readers-read
            allow: { actors: { group: readers }, actions: [read] }
          - id: maintainers-change
            allow: { actors: { group: maintainers }, actions: [read, change], branch_scope: any }
          - id: maintainers-schema
            allow: { actors: { group: maintainers }, actions: [schema_apply], target_branch_scope: any }
        """;

    public static readonly IReadOnlyDictionary<string, string> Tokens = new Dictionary<string, string>
    {
        ["act-agent"] = "token-agent-11",
        ["act-rev"] = "token-rev-22",
        ["act-rita"] = "token-rita-33",
        ["act-max"] = "token-max-44",
    };

    /// <summary>Graph <c>v</c>'s folder (its audit log is read from there).</summary>
    public string GraphFolder => Combine("v");

    /// <summary>Graph <c>v</c>'s one stored query, a mutation (also an MCP tool of its own).</summary>
    public const string StoredMutation = "query add_person_aged($name: String, $age: I32) { insert Person { name: $name, age: $age } }";

    protected override async Task PrepareStoreAsync()
    {
        await ServerFixture.CreateGraphAsync(GraphFolder);
        var file = Combine("stored.gq");
        await File.WriteAllTextAsync(file, StoredMutation);
        var added = await InProcessCli.RunAsync("queries", "add", GraphFolder, "--query", file);
        Assert.True(added.ExitCode == 0, added.Error);
        File.Delete(file);
    }

    protected override OmniGraphServerOptions ServerOptions()
    {
        var options = TokenOptions(Root, Tokens);
        options.GraphPolicies["v"] = PolicyBundleReader.Parse(Policy, "policy.yaml");
        return options;
    }

    /// <summary>The typed HTTP client of <paramref name="actor"/> (dispose it).</summary>
    public OmniGraphHttpClient Client(string actor) => new(Server.BaseAddress, Tokens[actor]);

    /// <summary>An MCP client of graph <c>v</c> sending <paramref name="actor"/>'s token.</summary>
    public Task<McpClient> McpAsync(string actor) => McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
    {
        Endpoint = new Uri(Server.BaseAddress, "graphs/v/mcp"),
        TransportMode = HttpTransportMode.StreamableHttp,
        AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {Tokens[actor]}" },
    }));
}

/// <summary>Not run in parallel with other collections: the CLI test sets the process's <c>OMNIGRAPH_BEARER_TOKEN</c>.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class VersioningServerCollection : ICollectionFixture<VersioningServerFixture>
{
    public const string Name = "versioning server";
}
