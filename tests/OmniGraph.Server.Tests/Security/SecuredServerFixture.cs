using System.Net.Http.Headers;
using System.Text.Json;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Hosting;
using OmniGraph.Security;
using OmniGraph.Server.Hosting;
using OmniGraph.Server.Tests.Support;

namespace OmniGraph.Server.Tests.Security;

/// <summary>
/// A server with bearer tokens and policies (PolicyEnabled mode) on loopback: graphs <c>g</c> (reads), <c>w</c>
/// (writes of the access matrix), <c>a</c> (writes whose audit log a test reads) bound to <see cref="GraphPolicy"/>,
/// and <c>d</c>, bound to nothing (default-deny); <see cref="ServerPolicy"/> lets <c>act-andrew</c> list the graphs.
/// A gateway is open, so the engine's own re-check can be reached without the HTTP front-end.
/// </summary>
public sealed class SecuredServerFixture() : TokenServerFixture(Tokens)
{
    /// <summary>
    /// Writers may read, export and change any branch, create, delete and merge into unprotected ones, promote and
    /// apply schemas; readers only read; branchers change unprotected branches. The protected branch is <c>release</c>, not <c>main</c>: a protected
    /// branch takes promotions only, and these tests write to main.
    /// </summary>
    public const string GraphPolicy = """
        version: 1
        groups:
          writers: [act-andrew, act-bruno]
          readers: [act-rita]
          branchers: [act-fiona]
        protected_branches: [release]
        rules:
          - id: writers-read
            allow: { actors: { group: writers }, actions: [read, export] }
          - id: writers-change
            allow: { actors: { group: writers }, actions: [change], branch_scope: any }
          - id: readers-read
            allow: { actors: { group: readers }, actions: [read] }
          - id: branchers-change
            allow: { actors: { group: branchers }, actions: [read, change], branch_scope: unprotected }
          - id: writers-branch
            allow: { actors: { group: writers }, actions: [branch_create, branch_delete, branch_merge], target_branch_scope: unprotected }
          - id: writers-promote
            allow: { actors: { group: writers }, actions: [promote], target_branch_scope: any }
          - id: writers-schema
            allow: { actors: { group: writers }, actions: [schema_apply] }
        """;

    public const string ServerPolicy = """
        version: 1
        groups:
          ops: [act-andrew]
        rules:
          - id: ops-list
            allow: { actors: { group: ops }, actions: [graph_list] }
        """;

    /// <summary>Actor → token. <c>act-zed</c> has a token but is in no group of the policy.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tokens = new Dictionary<string, string>
    {
        ["act-andrew"] = "token-andrew-7f3a",
        ["act-bruno"] = "token-bruno-91c2",
        ["act-rita"] = "token-rita-44d0",
        ["act-fiona"] = "token-fiona-0b9e",
        ["act-zed"] = "token-zed-5e61",
    };

    /// <summary>A client without a token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    protected override async Task PrepareStoreAsync()
    {
        foreach (var graph in (string[])["g", "w", "a", "d"])
        {
            await ServerFixture.CreateGraphAsync(Combine(graph));
        }

        // The protected branch exists on w, so a write to it reaches the engine's protection (not branch_not_found).
        await using (var w = await OmniGraphEmbedded.OpenAsync(Combine("w")))
        {
            await w.Client.CreateBranchAsync("release");
        }
    }

    protected override OmniGraphServerOptions ServerOptions() => Options(Root);

    protected override void OnStarted() => Anonymous = new HttpClient { BaseAddress = Server.BaseAddress };

    public override async Task DisposeAsync()
    {
        Anonymous.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>The fixture's options on <paramref name="root"/>: the tokens as inline JSON, the policies bound.</summary>
    public static OmniGraphServerOptions Options(string root, IReadOnlyDictionary<string, string>? tokens = null)
    {
        var options = TokenOptions(root, tokens ?? Tokens);
        options.GatewayPort = 0;
        options.ServerPolicy = PolicyBundleReader.Parse(ServerPolicy, "server-policy.yaml");
        var bundle = PolicyBundleReader.Parse(GraphPolicy, "policy.yaml");
        foreach (var graph in (string[])["g", "w", "a"])
        {
            if (Directory.Exists(Path.Combine(root, graph)))
            {
                options.GraphPolicies[graph] = bundle;
            }
        }

        return options;
    }

    /// <summary>The number of commits on main of <paramref name="graphId"/> (read as a writer).</summary>
    public async Task<int> CommitCountAsync(string graphId)
    {
        using var client = As("act-andrew");
        using var document = JsonDocument.Parse(await client.GetStringAsync($"graphs/{graphId}/commits"));
        return document.RootElement.GetProperty("commits").GetArrayLength();
    }

    /// <summary>Creates a branch of graph <c>w</c> with a fresh name (as act-andrew) and returns the name.</summary>
    public async Task<string> NewBranchAsync()
    {
        var name = $"b-{Guid.NewGuid():N}";
        using var client = As("act-andrew");
        using var response = await client.PostAsync("graphs/w/branches", ServerFixture.Json($$"""{"name": "{{name}}"}"""));
        response.EnsureSuccessStatusCode();
        return name;
    }

    /// <summary>
    /// A fresh branch of graph <c>w</c> with one new person on it (as act-andrew), and the digest of its promotion into
    /// main as the preview answers it: what a confirm needs.
    /// </summary>
    public async Task<(string Source, string DiffDigest)> PromotableBranchAsync()
    {
        var source = await NewBranchAsync();
        using var client = As("act-andrew");
        using (var write = await client.PostAsync("graphs/w/mutate", SecuredRoutes.NewPerson(branch: source)))
        {
            write.EnsureSuccessStatusCode();
        }

        using var preview = await client.PostAsync("graphs/w/promotions/preview", ServerFixture.Json($$"""{"source": "{{source}}"}"""));
        preview.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await preview.Content.ReadAsStringAsync());
        return (source, document.RootElement.GetProperty("diff_digest").GetString()!);
    }

    /// <summary>A promotion into main of graph <c>w</c> confirmed by act-andrew (one commit on main); its id.</summary>
    public async Task<string> PromotionAsync()
    {
        var (source, digest) = await PromotableBranchAsync();
        using var client = As("act-andrew");
        using var confirmed = await client.PostAsync("graphs/w/promotions", ServerFixture.Json($$"""{"source": "{{source}}", "diff_digest": "{{digest}}"}"""));
        confirmed.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await confirmed.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("promotion_id").GetString()!;
    }

    /// <summary>The schema source of main of <paramref name="graphId"/>.</summary>
    public async Task<string> SchemaAsync(string graphId)
    {
        using var client = As("act-andrew");
        using var document = JsonDocument.Parse(await client.GetStringAsync($"graphs/{graphId}/schema"));
        return document.RootElement.GetProperty("schema_source").GetString()!;
    }

    /// <summary>The head commit id of main of <paramref name="graphId"/>.</summary>
    public async Task<string> HeadAsync(string graphId)
    {
        using var client = As("act-andrew");
        using var document = JsonDocument.Parse(await client.GetStringAsync($"graphs/{graphId}/commits"));
        return document.RootElement.GetProperty("commits")[0].GetProperty("graph_commit_id").GetString()!;
    }

    /// <summary>An <c>Authorization</c> header value of <paramref name="actor"/>.</summary>
    public static AuthenticationHeaderValue Bearer(string actor) => new("Bearer", Tokens[actor]);
}

[CollectionDefinition(Name)]
public sealed class SecuredServerCollection : ICollectionFixture<SecuredServerFixture>
{
    public const string Name = "secured server";
}
