using System.Net;
using System.Text.Json;
using OmniGraph.Client.Http;
using OmniGraph.Abstractions;
using OmniGraph.Security;
using OmniGraph.Server.Hosting;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Security;

/// <summary>
/// Bearer tokens at the boundary (operations.md §3.1–§3.2): the header's exact form, 401 before anything else a
/// request could learn, the public routes, a token that is no longer configured, the runtime-state table at start,
/// the actor taken from the token only (spoofing), and the engine's re-check for callers that bypass HTTP.
/// </summary>
[Collection(SecuredServerCollection.Name)]
public sealed class AuthenticationTests(SecuredServerFixture fixture)
{
    [Theory]
    [InlineData("Basic dXNlcjpwYXNz", "missing bearer token")]
    [InlineData("bearer token-andrew-7f3a", "missing bearer token")]
    [InlineData("Bearer", "missing bearer token")]
    [InlineData("Bearer  token-andrew-7f3a", "invalid bearer token")]
    [InlineData("Bearer token-andrew", "invalid bearer token")]
    [InlineData("Bearer TOKEN-ANDREW-7F3A", "invalid bearer token")]
    public async Task OnlyTheExactBearerForm_OfAConfiguredToken_Authenticates(string authorization, string message)
    {
        using var client = fixture.WithAuthorization(authorization);
        using var response = await client.GetAsync("graphs/g/snapshot");
        var error = await ErrorBody.AssertAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(message, error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task TwoAuthorizationHeaders_AreRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "graphs/g/snapshot");
        request.Headers.TryAddWithoutValidation("Authorization", ["Bearer token-andrew-7f3a", "Bearer token-rita-44d0"]);
        using var response = await fixture.Anonymous.SendAsync(request);
        await ErrorBody.AssertAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Unauthenticated_Is401_BeforeTheGraphTheBodyOrItsSizeAreLookedAt()
    {
        // An unknown graph, a bad graph id, a wrong content type, an oversized body: each would be its own error with a token.
        using (var unknown = await fixture.Anonymous.GetAsync("graphs/nope/snapshot"))
        {
            await ErrorBody.AssertAsync(unknown, HttpStatusCode.Unauthorized, "unauthorized");
        }

        using (var badId = await fixture.Anonymous.GetAsync("graphs/bad_id/snapshot"))
        {
            await ErrorBody.AssertAsync(badId, HttpStatusCode.Unauthorized, "unauthorized");
        }

        using (var contentType = await fixture.Anonymous.PostAsync("graphs/w/mutate", new StringContent("{}")))
        {
            await ErrorBody.AssertAsync(contentType, HttpStatusCode.Unauthorized, "unauthorized");
        }

        using (var oversized = await fixture.Anonymous.PostAsync("graphs/w/mutate", SecuredRoutes.Json(new string(' ', 2 * 1024 * 1024))))
        {
            await ErrorBody.AssertAsync(oversized, HttpStatusCode.Unauthorized, "unauthorized");
        }

        using var andrew = fixture.As("act-andrew");
        using var known = await andrew.GetAsync("graphs/nope/snapshot");
        await ErrorBody.AssertAsync(known, HttpStatusCode.NotFound, "graph_not_found");
    }

    [Theory]
    [InlineData("healthz")]
    [InlineData("readyz")]
    [InlineData("openapi.json")]
    [InlineData("docs")]
    public async Task PublicRoutes_NeedNoToken(string path)
    {
        using var response = await fixture.Anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ATokenNoLongerConfigured_IsRefusedAfterTheRestart_AndItsReplacementWorks()
    {
        using var root = new TempDirectory();
        await ServerFixture.CreateGraphAsync(root.Combine("g"));
        var before = new Dictionary<string, string> { ["act-andrew"] = "old-token-1" };
        var after = new Dictionary<string, string> { ["act-andrew"] = "new-token-2" };

        await using (var first = await OmniGraphServer.StartAsync(SecuredServerFixture.Options(root.Path, before)))
        {
            using var client = new OmniGraphHttpClient(first.BaseAddress, "old-token-1");
            await client.Graph("g").GetSnapshotAsync();
        }

        await using var second = await OmniGraphServer.StartAsync(SecuredServerFixture.Options(root.Path, after));
        using var expired = new OmniGraphHttpClient(second.BaseAddress, "old-token-1");
        var refused = await Assert.ThrowsAsync<OmniGraphException>(() => expired.Graph("g").GetSnapshotAsync());
        Assert.Equal(ErrorCodes.Unauthorized, refused.Code);
        Assert.Equal(ErrorKind.Unauthorized, refused.Kind);
        Assert.Equal("invalid bearer token", refused.Message);
        using var current = new OmniGraphHttpClient(second.BaseAddress, "new-token-2");
        await current.Graph("g").GetSnapshotAsync();
    }

    [Fact]
    public async Task TheRuntimeStateTable_RefusesToStartWithoutCredentials_OrWithAPolicyButNoToken()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(root.Combine("g"));
        var none = new OmniGraphServerOptions { StoreRoot = root.Path, Bind = "127.0.0.1:0", ConfigureLogging = static _ => { } };
        var refused = await Assert.ThrowsAsync<OmniGraphException>(() => OmniGraphServer.StartAsync(none));
        Assert.Equal(ErrorCodes.AuthNoCredentials, refused.Code);

        var policyOnly = new OmniGraphServerOptions
        {
            StoreRoot = root.Path,
            Bind = "127.0.0.1:0",
            Unauthenticated = true,
            ServerPolicy = PolicyBundleReader.Parse(SecuredServerFixture.ServerPolicy, "server-policy.yaml"),
            ConfigureLogging = static _ => { },
        };
        Assert.Equal(ErrorCodes.AuthPolicyWithoutTokens, (await Assert.ThrowsAsync<OmniGraphException>(() => OmniGraphServer.StartAsync(policyOnly))).Code);

        var malformed = new OmniGraphServerOptions
        {
            StoreRoot = root.Path,
            Bind = "127.0.0.1:0",
            BearerTokens = new BearerTokenSources(null, null, """["not", "an", "object"]"""),
            ConfigureLogging = static _ => { },
        };
        Assert.Equal(ErrorCodes.AuthTokensMalformed, (await Assert.ThrowsAsync<OmniGraphException>(() => OmniGraphServer.StartAsync(malformed))).Code);

        var wrongKind = SecuredServerFixture.Options(root.Path);
        wrongKind.GraphPolicies["g"] = PolicyBundleReader.Parse(SecuredServerFixture.ServerPolicy, "server-policy.yaml");
        Assert.Equal(ErrorCodes.PolicyBindingMismatch, (await Assert.ThrowsAsync<OmniGraphException>(() => OmniGraphServer.StartAsync(wrongKind))).Code);

        var unknownGraph = SecuredServerFixture.Options(root.Path);
        unknownGraph.GraphPolicies["elsewhere"] = PolicyBundleReader.Parse(SecuredServerFixture.GraphPolicy, "policy.yaml");
        Assert.Equal(ErrorCodes.Usage, (await Assert.ThrowsAsync<OmniGraphException>(() => OmniGraphServer.StartAsync(unknownGraph))).Code);
    }

    [Fact]
    public async Task TokensWinOverUnauthenticated_DefaultDenyThen()
    {
        using var root = new TempDirectory();
        await ServerFixture.CreateGraphAsync(root.Combine("g"));
        var options = new OmniGraphServerOptions
        {
            StoreRoot = root.Path,
            Bind = "127.0.0.1:0",
            Unauthenticated = true,
            BearerTokens = new BearerTokenSources("single-token-x", null, null),
            ConfigureLogging = static _ => { },
        };
        await using var server = await OmniGraphServer.StartAsync(options);
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };
        using (var refused = await anonymous.GetAsync("graphs/g/snapshot"))
        {
            await ErrorBody.AssertAsync(refused, HttpStatusCode.Unauthorized, "unauthorized");
        }

        // The single token's actor is "default"; with no policy it may read, not write.
        using var client = new OmniGraphHttpClient(server.BaseAddress, "single-token-x");
        await client.Graph("g").GetSnapshotAsync();
        var write = await Assert.ThrowsAsync<OmniGraphException>(() => client.Graph("g").MutateAsync(new MutationRequest(AcceptanceFixtures.MutationQueries, "insert_person") { Parameters = """{"name":"X","age":1}""" }));
        Assert.Equal(ErrorCodes.Forbidden, write.Code);
        Assert.Contains("for actor 'default'", write.Message, StringComparison.Ordinal);
        Assert.Contains("default-deny", write.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheActor_ComesFromTheToken_NeverFromHeadersOrTheBody()
    {
        using var bruno = fixture.As("act-bruno");
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphs/w/mutate") { Content = SecuredRoutes.NewPerson() };
        request.Headers.TryAddWithoutValidation("X-Actor-Id", "act-andrew");
        request.Headers.TryAddWithoutValidation("Omnigraph-Actor", "act-andrew");
        request.Headers.TryAddWithoutValidation("X-Forwarded-User", "act-andrew");
        using var response = await bruno.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("act-bruno", receipt.RootElement.GetProperty("actor_id").GetString());
        var commit = receipt.RootElement.GetProperty("commit");
        Assert.Equal("act-bruno", commit.GetProperty("actor_id").GetString());

        // An empty actor header is no actor either: the token still decides.
        using var empty = new HttpRequestMessage(HttpMethod.Post, "graphs/w/mutate") { Content = SecuredRoutes.NewPerson() };
        empty.Headers.TryAddWithoutValidation("X-Actor-Id", string.Empty);
        using var emptyResponse = await bruno.SendAsync(empty);
        using var emptyReceipt = JsonDocument.Parse(await emptyResponse.Content.ReadAsStringAsync());
        Assert.Equal("act-bruno", emptyReceipt.RootElement.GetProperty("actor_id").GetString());

        // A body naming an actor is not a request the route reads: refused, nothing written.
        var before = await fixture.CommitCountAsync("w");
        using var spoofed = await bruno.PostAsync("graphs/w/mutate", SecuredRoutes.Json(
            $$$"""{"query": {{{JsonSerializer.Serialize(AcceptanceFixtures.MutationQueries)}}}, "name": "insert_person", "params": {"name": "Spoof", "age": 1}, "actor_id": "act-andrew"}"""));
        await ErrorBody.AssertAsync(spoofed, HttpStatusCode.BadRequest, "invalid_request_body");
        Assert.Equal(before, await fixture.CommitCountAsync("w"));

        // A reader cannot borrow a writer's identity through a header: denied as itself.
        using var rita = fixture.As("act-rita");
        using var borrowed = new HttpRequestMessage(HttpMethod.Post, "graphs/w/mutate") { Content = SecuredRoutes.NewPerson() };
        borrowed.Headers.TryAddWithoutValidation("X-Actor-Id", "act-bruno");
        using var denied = await rita.SendAsync(borrowed);
        var error = await ErrorBody.AssertAsync(denied, HttpStatusCode.Forbidden, "forbidden");
        Assert.EndsWith("for actor 'act-rita'", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CommitCountAsync("w"));
    }

    [Fact]
    public async Task TheEngineRechecksWrites_ThatBypassHttp_ThroughTheGateway()
    {
        await using var host = await GatewayClientHost.StartAsync(fixture.Server.GatewayAddress);
        var graph = new GrainGraphService(host.Graph("w"));
        var before = await fixture.CommitCountAsync("w");
        MutationRequest Insert(string? actor) => new(AcceptanceFixtures.MutationQueries, "insert_person")
        {
            Parameters = $$"""{"name":"Gw-{{Guid.NewGuid():N}}","age":5}""",
            Actor = actor,
        };

        var anonymous = await Assert.ThrowsAsync<OmniGraphException>(() => graph.MutateAsync(Insert(null)));
        Assert.Equal(ErrorCodes.Forbidden, anonymous.Code);
        Assert.Contains("no actor", anonymous.Message, StringComparison.Ordinal);
        var reader = await Assert.ThrowsAsync<OmniGraphException>(() => graph.MutateAsync(Insert("act-rita")));
        Assert.Equal(ErrorCodes.Forbidden, reader.Code);
        Assert.Equal(before, await fixture.CommitCountAsync("w"));

        await graph.MutateAsync(Insert("act-bruno"));
        Assert.Equal(before + 1, await fixture.CommitCountAsync("w"));
    }
}
