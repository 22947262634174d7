using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Security;
using OmniGraph.Server.Security;
using OmniGraph.Server.Tests.Support;

namespace OmniGraph.Server.Tests.Security;

/// <summary>
/// The auth matrix of every route (operations.md §2.4, §3.1, §3.5): no token and a wrong token are 401, an actor the
/// policy denies is 403 with the decision's message, an allowed one gets the answer — and a refused write writes
/// nothing. The route → action mapping is declared on every endpoint and is the one of §2.4.
/// </summary>
[Collection(SecuredServerCollection.Name)]
public sealed class AccessMatrixTests(SecuredServerFixture fixture)
{
    /// <summary>operations.md §2.4: each route's policy action (the routes later steps fill included).</summary>
    private static readonly Dictionary<string, PolicyAction?> s_expectedActions = new(StringComparer.Ordinal)
    {
        ["GET /healthz"] = null,
        ["GET /readyz"] = null,
        ["GET /graphs"] = PolicyAction.GraphList,
        ["GET /graphs/{graphId}/snapshot"] = PolicyAction.Read,
        ["POST /graphs/{graphId}/query"] = PolicyAction.Read,
        ["POST /graphs/{graphId}/export"] = PolicyAction.Export,
        ["GET /graphs/{graphId}/commits"] = PolicyAction.Read,
        ["GET /graphs/{graphId}/commits/{commitId}"] = PolicyAction.Read,
        ["GET /graphs/{graphId}/schema"] = PolicyAction.Read,
        ["GET /graphs/{graphId}/branches"] = PolicyAction.Read,
        ["POST /graphs/{graphId}/mutate"] = PolicyAction.Change,
        ["POST /graphs/{graphId}/mutate/if-graph-commit"] = PolicyAction.Change,
        ["POST /graphs/{graphId}/load"] = PolicyAction.Change,
        ["POST /graphs/{graphId}/load/ndjson"] = PolicyAction.Change,
        ["POST /graphs/{graphId}/branches"] = PolicyAction.BranchCreate,
        ["DELETE /graphs/{graphId}/branches/{branch}"] = PolicyAction.BranchDelete,
        ["POST /graphs/{graphId}/branches/merge"] = PolicyAction.BranchMerge,

        // Promotions (beyond §2.4; docs/branches.md): the preview reads; confirm and revert promote (the revert decided in the engine).
        ["POST /graphs/{graphId}/promotions/preview"] = PolicyAction.Read,
        ["POST /graphs/{graphId}/promotions"] = PolicyAction.Promote,
        ["POST /graphs/{graphId}/promotions/{promotionId}/revert"] = PolicyAction.Promote,
        ["GET /graphs/{graphId}/commits/{commitId}/changes"] = PolicyAction.Read,
        ["GET /graphs/{graphId}/changes"] = PolicyAction.Read,
        ["POST /graphs/{graphId}/changes/baseline"] = PolicyAction.Export,
        ["GET /graphs/{graphId}/diff"] = PolicyAction.Read,
        ["POST /graphs/{graphId}/lint"] = PolicyAction.Read,
        ["GET /graphs/{graphId}/schema/ir"] = PolicyAction.Read,
        ["GET /graphs/{graphId}/placement"] = PolicyAction.Read,

        // The explorer's page and files hold no data: public (its data requests go to the routes above).
        ["GET /"] = null,
        ["GET /explorer/{**path}"] = null,
        ["POST /graphs/{graphId}/schema/apply"] = PolicyAction.SchemaApply,
        ["GET /graphs/{graphId}/queries"] = PolicyAction.Read,
        ["POST /graphs/{graphId}/queries/{name}"] = PolicyAction.InvokeQuery,
        ["POST /graphs/{graphId}/queries/{name}/if-graph-commit"] = PolicyAction.InvokeQuery,
        ["GET /graphs/{graphId}/blob"] = PolicyAction.Read,
        ["HEAD /graphs/{graphId}/blob"] = PolicyAction.Read,

        // The graph's MCP endpoint: authenticated here, each tool call decided on its own actions (McpToolTests).
        ["POST /graphs/{graphId}/mcp/"] = PolicyAction.InvokeQuery,
    };

    [Fact]
    public void EveryRoute_DeclaresTheActionOfTheSpec()
    {
        var declared = new Dictionary<string, PolicyAction?>(StringComparer.Ordinal);
        foreach (var endpoint in fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var access = endpoint.Metadata.GetMetadata<RouteAccess>();
            Assert.True(access is not null, $"{endpoint.RoutePattern.RawText} declares no access");
            if (access.AuthenticatesInService)
            {
                // The Flight service's gRPC endpoints authenticate and decide each call themselves (FlightAccessTests).
                Assert.Contains("arrow.flight.protocol.FlightService/", endpoint.RoutePattern.RawText, StringComparison.Ordinal);
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods)
            {
                declared[$"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}"] = access!.Action;
            }
        }

        // The OpenAPI document and the reference page are public too; everything else is the table.
        var routes = declared.Where(static d => !d.Key.Contains("/openapi", StringComparison.Ordinal) && !d.Key.Contains("/docs", StringComparison.Ordinal))
            .ToDictionary(static d => d.Key, static d => d.Value, StringComparer.Ordinal);
        Assert.Equal(s_expectedActions.OrderBy(static e => e.Key, StringComparer.Ordinal), routes.OrderBy(static e => e.Key, StringComparer.Ordinal));
        Assert.All(declared.Where(static d => d.Key.Contains("/openapi", StringComparison.Ordinal) || d.Key.Contains("/docs", StringComparison.Ordinal)), static d => Assert.Null(d.Value));
    }

    /// <summary>
    /// Every route that needs a token — read from the server's endpoints, so a route added later is caught — has a row
    /// in <see cref="SecuredRoutes"/> (no token, wrong token, denied, allowed) or is one of
    /// <see cref="SecuredRoutes.DecidedElsewhere"/>; and every one of them, those included, is 401 without a valid token
    /// (the token is checked before the graph, the body or the route's own parameters are looked at).
    /// </summary>
    [Fact]
    public async Task EveryTokenRoute_IsInTheMatrix_AndIs401WithoutAValidToken()
    {
        var rows = new List<(string Method, string Path)>();
        foreach (var route in SecuredRoutes.All)
        {
            using var request = await route.Build(fixture);
            rows.Add((request.Method.Method, request.RequestUri!.OriginalString.Split('?')[0]));
        }

        var before = await fixture.CommitCountAsync("w");
        var problems = new List<string>();
        foreach (var endpoint in fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<RouteAccess>() is not { RequiresToken: true })
            {
                continue;
            }

            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var matcher = new TemplateMatcher(TemplateParser.Parse(template.TrimStart('/')), []);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                var key = $"{method} {template}";
                if (!SecuredRoutes.DecidedElsewhere.ContainsKey(key) && !rows.Any(r => r.Method == method && matcher.TryMatch("/" + r.Path, [])))
                {
                    problems.Add($"{key}: no row in SecuredRoutes");
                }

                var path = template.Replace("{graphId}", "w", StringComparison.Ordinal).Replace("{commitId}", "01M96ZA34R9VM7C4NA5QYKZBVN", StringComparison.Ordinal)
                    .Replace("{promotionId}", "01M96ZA34R9VM7C4NA5QYKZBVN", StringComparison.Ordinal).Replace("{branch}", "b", StringComparison.Ordinal)
                    .Replace("{name}", "q", StringComparison.Ordinal);
                Assert.DoesNotContain("{", path, StringComparison.Ordinal);
                foreach (var (authorization, message) in ((string?, string)[])[(null, "missing bearer token"), ("Bearer token-andrew-7f3b", "invalid bearer token")])
                {
                    using var client = authorization is null ? new HttpClient { BaseAddress = fixture.Server.BaseAddress } : fixture.WithAuthorization(authorization);
                    using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
                    if (method is "POST" or "DELETE")
                    {
                        request.Content = SecuredRoutes.Json("{}");
                    }

                    using var response = await client.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    // A HEAD answer has no body: its status and challenge are what there is to check.
                    if (response.StatusCode != HttpStatusCode.Unauthorized || (method != "HEAD" && !text.Contains($"\"error\":\"{message}\"", StringComparison.Ordinal))
                        || response.Headers.WwwAuthenticate.SingleOrDefault()?.Scheme != "Bearer")
                    {
                        problems.Add($"{key} with {authorization ?? "no token"}: {(int)response.StatusCode} {text}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(before, await fixture.CommitCountAsync("w"));
    }

    /// <summary>Each route without a token (the header absent) and with a token configured for nobody.</summary>
    public static TheoryData<string, string?, string> Unauthenticated()
    {
        var cases = new TheoryData<string, string?, string>();
        foreach (var route in SecuredRoutes.All)
        {
            cases.Add(route.Name, null, "missing bearer token");
            cases.Add(route.Name, "Bearer token-andrew-7f3b", "invalid bearer token");
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Unauthenticated))]
    public async Task NoTokenOrAWrongToken_Is401_AndWritesNothing(string route, string? authorization, string message)
    {
        using var client = authorization is null ? new HttpClient { BaseAddress = fixture.Server.BaseAddress } : fixture.WithAuthorization(authorization);
        await SendAsync(SecuredRoutes.Named(route), client, written: false, async response =>
        {
            var error = await ErrorBody.AssertAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
            Assert.Equal(message, error.GetProperty("error").GetString());
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        });
    }

    [Theory]
    [MemberData(nameof(SecuredRoutes.Names), MemberType = typeof(SecuredRoutes))]
    public async Task ADeniedActor_Is403WithTheDecision_AndWritesNothing(string route)
    {
        var secured = SecuredRoutes.Named(route);
        using var client = fixture.As(secured.DeniedActor);
        await SendAsync(secured, client, written: false, async response =>
        {
            var error = await ErrorBody.AssertAsync(response, HttpStatusCode.Forbidden, "forbidden");
            var message = error.GetProperty("error").GetString()!;
            Assert.StartsWith($"policy denied action '{secured.Action.Name()}'", message, StringComparison.Ordinal);
            Assert.EndsWith($"actor '{secured.DeniedActor}'", message, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(SecuredRoutes.Names), MemberType = typeof(SecuredRoutes))]
    public async Task AnAllowedActor_GetsTheAnswer(string route)
    {
        var secured = SecuredRoutes.Named(route);
        using var client = fixture.As(secured.AllowedActor);
        await SendAsync(secured, client, written: secured.Write, async response =>
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}"));
    }

    [Fact]
    public async Task BranchScopes_AreDecidedOnTheBranchTheRequestNames()
    {
        // act-fiona may change unprotected branches only: release is protected.
        using var fiona = fixture.As("act-fiona");
        using (var release = await fiona.PostAsync("graphs/w/mutate", SecuredRoutes.NewPerson(branch: "release")))
        {
            var error = await ErrorBody.AssertAsync(release, HttpStatusCode.Forbidden, "forbidden");
            Assert.Equal("policy denied action 'change' on branch 'release' for actor 'act-fiona'", error.GetProperty("error").GetString());
        }

        // On another branch the policy allows it; the engine then finds no such branch.
        using (var feature = await fiona.PostAsync("graphs/w/mutate", SecuredRoutes.NewPerson(branch: "feature")))
        {
            await ErrorBody.AssertAsync(feature, HttpStatusCode.NotFound, "branch_not_found");
        }

        using (var snapshot = await fiona.GetAsync("graphs/w/snapshot?branch=feature"))
        {
            await ErrorBody.AssertAsync(snapshot, HttpStatusCode.NotFound, "branch_not_found");
        }

        using var protectedRead = await fiona.GetAsync("graphs/w/snapshot?branch=release");
        await ErrorBody.AssertAsync(protectedRead, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task AProtectedBranch_RefusesAWriteThePolicyAllows_WithProtectedBranch()
    {
        // act-bruno may change any branch, but the engine takes no direct write to a protected one: promotion only.
        using var bruno = fixture.As("act-bruno");
        using var write = await bruno.PostAsync("graphs/w/mutate", SecuredRoutes.NewPerson(branch: "release"));
        var error = await ErrorBody.AssertAsync(write, HttpStatusCode.Forbidden, "protected_branch");
        Assert.StartsWith("branch 'release' is protected", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommitsChanges_AreARead_AndADenialIsTheUnknownCommit404()
    {
        var head = await fixture.HeadAsync("g");
        using var rita = fixture.As("act-rita");
        using (var allowed = await rita.GetAsync($"graphs/g/commits/{head}/changes"))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        // act-zed is in no group of the policy: the commit does not exist for him.
        using var zed = fixture.As("act-zed");
        using var denied = await zed.GetAsync($"graphs/g/commits/{head}/changes");
        var error = await ErrorBody.AssertAsync(denied, HttpStatusCode.NotFound, "commit_not_found");
        using var unknown = await zed.GetAsync("graphs/g/commits/01M96ZA34R9VM7C4NA5QYKZBVN/changes");
        var unknownError = await ErrorBody.AssertAsync(unknown, HttpStatusCode.NotFound, "commit_not_found");
        Assert.Equal(unknownError.GetProperty("error").GetString()!.Replace("01M96ZA34R9VM7C4NA5QYKZBVN", head, StringComparison.Ordinal), error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AGraphWithoutABundle_IsDefaultDeny_ReadsOnly()
    {
        using var rita = fixture.As("act-rita");
        using (var read = await rita.GetAsync("graphs/d/snapshot"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var before = await fixture.CommitCountAsync("d");
        using var andrew = fixture.As("act-andrew");
        using (var write = await andrew.PostAsync("graphs/d/mutate", SecuredRoutes.NewPerson()))
        {
            var error = await ErrorBody.AssertAsync(write, HttpStatusCode.Forbidden, "forbidden");
            Assert.Contains("default-deny", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        using (var export = await andrew.PostAsync("graphs/d/export", SecuredRoutes.Json("{}")))
        {
            await ErrorBody.AssertAsync(export, HttpStatusCode.Forbidden, "forbidden");
        }

        Assert.Equal(before, await fixture.CommitCountAsync("d"));
    }

    [Fact]
    public async Task AReadIsDecidedBeforeTheQueryIsParsed()
    {
        const string body = """{"query": "query broken( {"}""";
        using var zed = fixture.As("act-zed");
        using (var denied = await zed.PostAsync("graphs/g/query", SecuredRoutes.Json(body)))
        {
            await ErrorBody.AssertAsync(denied, HttpStatusCode.Forbidden, "forbidden");
        }

        using var rita = fixture.As("act-rita");
        using var allowed = await rita.PostAsync("graphs/g/query", SecuredRoutes.Json(body));
        await ErrorBody.AssertAsync(allowed, HttpStatusCode.BadRequest, "query_parse_error");
    }

    [Fact]
    public async Task TheGraphList_IsTheServerPolicys()
    {
        using var andrew = fixture.As("act-andrew");
        var graphs = await andrew.GetStringAsync("graphs");
        Assert.Contains("\"graph_id\":\"a\"", graphs, StringComparison.Ordinal);
        Assert.Contains("\"graph_id\":\"w\"", graphs, StringComparison.Ordinal);

        // act-zed has a token but the server policy does not know it.
        using var zed = fixture.As("act-zed");
        using var denied = await zed.GetAsync("graphs");
        var error = await ErrorBody.AssertAsync(denied, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("policy denied action 'graph_list' for unknown actor 'act-zed'", error.GetProperty("error").GetString());
    }

    /// <summary>Sends a fresh request of <paramref name="route"/> with <paramref name="client"/>, checks the response, and that graph <c>w</c> got one commit (from the request) or none.</summary>
    private async Task SendAsync(SecuredRoute route, HttpClient client, bool written, Func<HttpResponseMessage, Task> check)
    {
        // Built first: preparing a request (a promotion to revert) may itself commit on w.
        using var request = await route.Build(fixture);
        var before = await fixture.CommitCountAsync("w");
        using var response = await client.SendAsync(request);
        await check(response);
        Assert.Equal(before + (written ? 1 : 0), await fixture.CommitCountAsync("w"));
    }
}
