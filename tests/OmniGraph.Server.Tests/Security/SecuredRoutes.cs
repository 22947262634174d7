using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OmniGraph.Security;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Server.Tests.Security;

/// <summary>
/// Every route the server answers (all but the public ones and the 501 routes) with a valid request, the action it is
/// decided on, an actor the fixture's policy denies it and one it allows (operations.md §2.4). The routes whose denial
/// is not a 403 are in <see cref="DecidedElsewhere"/> with the tests that cover them.
/// </summary>
internal static class SecuredRoutes
{
    private static readonly string s_queries = JsonSerializer.Serialize(AcceptanceFixtures.TestQueries);
    private static readonly string s_mutations = JsonSerializer.Serialize(AcceptanceFixtures.MutationQueries);

    public static IReadOnlyList<SecuredRoute> All { get; } =
    [
        new("snapshot", PolicyAction.Read, "act-zed", "act-rita", Write: false, static _ => Task.FromResult(Get("graphs/g/snapshot"))),
        new("query", PolicyAction.Read, "act-zed", "act-rita", Write: false, static _ => Task.FromResult(Post("graphs/g/query",
            Json($$$"""{"query": {{{s_queries}}}, "name": "get_person", "params": {"name": "Alice"}}""")))),
        new("export", PolicyAction.Export, "act-rita", "act-andrew", Write: false, static _ => Task.FromResult(Post("graphs/g/export", Json("""{"type_names": ["Company"]}""")))),
        new("commits", PolicyAction.Read, "act-zed", "act-rita", Write: false, static _ => Task.FromResult(Get("graphs/g/commits"))),
        new("commit", PolicyAction.Read, "act-zed", "act-rita", Write: false, static async fixture => Get($"graphs/g/commits/{await fixture.HeadAsync("g")}")),
        new("schema", PolicyAction.Read, "act-zed", "act-rita", Write: false, static _ => Task.FromResult(Get("graphs/g/schema"))),
        new("branches", PolicyAction.Read, "act-zed", "act-rita", Write: false, static _ => Task.FromResult(Get("graphs/g/branches"))),
        new("mutate", PolicyAction.Change, "act-rita", "act-bruno", Write: true, static _ => Task.FromResult(Post("graphs/w/mutate", NewPerson()))),
        new("mutate/if-graph-commit", PolicyAction.Change, "act-rita", "act-bruno", Write: true, static async fixture =>
        {
            var request = Post("graphs/w/mutate/if-graph-commit", NewPerson());
            request.Headers.TryAddWithoutValidation("Omnigraph-If-Graph-Commit", await fixture.HeadAsync("w"));
            return request;
        }),
        new("load", PolicyAction.Change, "act-rita", "act-andrew", Write: true, static _ => Task.FromResult(Post("graphs/w/load",
            Json($$$"""{"data": {{{JsonSerializer.Serialize(CompanyLine())}}}, "mode": "merge"}""")))),
        new("load/ndjson", PolicyAction.Change, "act-rita", "act-andrew", Write: true, static _ => Task.FromResult(Post("graphs/w/load/ndjson?mode=merge", Ndjson(CompanyLine())))),
        new("diff", PolicyAction.Read, "act-zed", "act-rita", Write: false, static _ => Task.FromResult(Get("graphs/g/diff?from=main&to=main"))),
        new("changes", PolicyAction.Read, "act-zed", "act-rita", Write: false, static _ => Task.FromResult(Get("graphs/g/changes?branch=main&start=beginning"))),
        new("changes/baseline", PolicyAction.Export, "act-rita", "act-andrew", Write: false, static _ => Task.FromResult(Post("graphs/g/changes/baseline", Json("""{"type": ["Company"]}""")))),
        new("branch create", PolicyAction.BranchCreate, "act-rita", "act-andrew", Write: false, static _ => Task.FromResult(Post("graphs/w/branches", Json($$"""{"name": "b-{{Guid.NewGuid():N}}"}""")))),
        new("branch delete", PolicyAction.BranchDelete, "act-rita", "act-andrew", Write: false, static async fixture =>
            new HttpRequestMessage(HttpMethod.Delete, $"graphs/w/branches/{await fixture.NewBranchAsync()}")),
        new("branch merge", PolicyAction.BranchMerge, "act-rita", "act-andrew", Write: false, static async fixture =>
            Post("graphs/w/branches/merge", Json($$"""{"source": "{{await fixture.NewBranchAsync()}}", "target": "{{await fixture.NewBranchAsync()}}"}"""))),
        new("lint", PolicyAction.Read, "act-zed", "act-rita", Write: false, static _ => Task.FromResult(Post("graphs/g/lint", Json($$$"""{"query": {{{s_queries}}}}""")))),
        new("schema/ir", PolicyAction.Read, "act-zed", "act-rita", Write: false, static _ => Task.FromResult(Get("graphs/g/schema/ir"))),
        new("placement", PolicyAction.Read, "act-zed", "act-rita", Write: false, static _ => Task.FromResult(Get("graphs/g/placement"))),
        new("promotion preview", PolicyAction.Read, "act-zed", "act-rita", Write: false, static async fixture =>
            Post("graphs/w/promotions/preview", Json($$"""{"source": "{{await fixture.NewBranchAsync()}}"}"""))),
        new("queries", PolicyAction.Read, "act-zed", "act-rita", Write: false, static _ => Task.FromResult(Get("graphs/g/queries"))),

        // The current schema again: allowed, it is accepted and publishes nothing (graph g has no other branch).
        new("schema/apply", PolicyAction.SchemaApply, "act-rita", "act-andrew", Write: false, static async fixture =>
            Post("graphs/g/schema/apply", Json(JsonSerializer.Serialize(new Dictionary<string, string> { ["schema_source"] = await fixture.SchemaAsync("g") })))),
        new("promotion confirm", PolicyAction.Promote, "act-rita", "act-bruno", Write: true, static async fixture =>
        {
            var (source, digest) = await fixture.PromotableBranchAsync();
            return Post("graphs/w/promotions", Json($$"""{"source": "{{source}}", "diff_digest": "{{digest}}"}"""));
        }),
        new("promotion revert", PolicyAction.Promote, "act-rita", "act-bruno", Write: true, static async fixture =>
            new HttpRequestMessage(HttpMethod.Post, $"graphs/w/promotions/{await fixture.PromotionAsync()}/revert")),
        new("graphs", PolicyAction.GraphList, "act-bruno", "act-andrew", Write: false, static _ => Task.FromResult(Get("graphs"))),
    ];

    /// <summary>
    /// The token routes without a row above, each with why and where its denied and allowed cases are tested. Every
    /// one of them is still checked for its 401s (<c>AccessMatrixTests.EveryTokenRoute_IsInTheMatrix_AndIs401WithoutAValidToken</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> DecidedElsewhere { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POST /graphs/{graphId}/queries/{name}"] = "a denied invoke_query is the 404 of an unknown name: StoredQueryRouteTests",
        ["POST /graphs/{graphId}/queries/{name}/if-graph-commit"] = "as the plain invoke: StoredQueryRouteTests.TheConditionalRoute_TakesOnlyAStoredMutationWithAPrecondition",
        ["GET /graphs/{graphId}/commits/{commitId}/changes"] = "a denial is the 404 of an unknown commit: AccessMatrixTests.ACommitsChanges_AreARead_AndADenialIsTheUnknownCommit404",
        ["POST /graphs/{graphId}/mcp/"] = "each tool call is decided as its route: McpToolTests.ThePolicyDecidesEveryCall, McpVersioningToolTests",
        ["GET /graphs/{graphId}/blob"] = "501 until blob delivery exists: nothing to decide yet",
        ["HEAD /graphs/{graphId}/blob"] = "501 until blob delivery exists: nothing to decide yet",
    };

    public static TheoryData<string> Names() => [.. All.Select(static r => r.Name)];

    public static SecuredRoute Named(string name) => All.Single(r => r.Name == name);

    /// <summary>A mutation inserting a person nobody inserted before.</summary>
    public static StringContent NewPerson(string branch = "main") =>
        Json($$$"""{"query": {{{s_mutations}}}, "name": "insert_person", "params": {"name": "P-{{{Guid.NewGuid():N}}}", "age": 33}, "branch": "{{{branch}}}"}""");

    /// <summary>One JSONL line of a company nobody loaded before.</summary>
    public static string CompanyLine() => $$$"""{"type":"Company","data":{"name":"Co-{{{Guid.NewGuid():N}}}"}}""" + "\n";

    public static StringContent Json(string json) => ServerFixture.Json(json);

    public static ByteArrayContent Ndjson(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };
}

/// <summary>One route of <see cref="SecuredRoutes"/>.</summary>
/// <param name="Name">The route, for the test name.</param>
/// <param name="Action">The policy action it is decided on.</param>
/// <param name="DeniedActor">An actor the fixture's policy denies it.</param>
/// <param name="AllowedActor">An actor the fixture's policy allows it.</param>
/// <param name="Write">Whether an allowed request publishes a commit on graph <c>w</c>.</param>
/// <param name="Build">A fresh valid request (without credentials).</param>
internal sealed record SecuredRoute(string Name, PolicyAction Action, string DeniedActor, string AllowedActor, bool Write, Func<SecuredServerFixture, Task<HttpRequestMessage>> Build);
