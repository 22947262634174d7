using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OmniGraph.Client.Http;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Output;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Server.Tests.Client;

/// <summary>
/// The typed HTTP client gives what the grains give (the same <see cref="IGraphService"/> results and typed errors),
/// and <c>AddOmniGraphClient</c> reaches the server's silo through its gateway.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ClientTests(ServerFixture fixture)
{
    [Fact]
    public async Task HttpAndGrains_GiveTheSameResults()
    {
        using var http = new OmniGraphHttpClient(fixture.Server.BaseAddress);
        IGraphService remote = http.Graph("g");
        IGraphService local = fixture.Server.Graphs.Get("g").Service;

        var request = new QueryRequest(AcceptanceFixtures.TestQueries, "friends_of", """{"name":"Alice"}""", QueryTarget.Head());
        var viaHttp = await remote.QueryAsync(request);
        var viaGrains = await local.QueryAsync(request);
        foreach (var format in Enum.GetValues<ReadOutputFormat>())
        {
            var expected = new StringWriter();
            var actual = new StringWriter();
            await ReadOutputWriter.WriteAsync(expected, viaGrains, format);
            await ReadOutputWriter.WriteAsync(actual, viaHttp, format);
            Assert.Equal(expected.ToString(), actual.ToString());
        }

        Assert.Equal(await local.GetSnapshotAsync(), await remote.GetSnapshotAsync());
        var localCommits = await local.ListCommitsAsync();
        var remoteCommits = await remote.ListCommitsAsync();
        Assert.Equal(localCommits.Commits.ToArray(), remoteCommits.Commits.ToArray());
        Assert.Equal((await local.GetSchemaAsync()).SchemaSource, (await remote.GetSchemaAsync()).SchemaSource);
        Assert.Equal((await local.ListBranchesAsync()).ToArray(), (await remote.ListBranchesAsync()).ToArray());

        using var exported = new MemoryStream();
        using var expectedExport = new MemoryStream();
        await remote.ExportAsync(exported, ExportRequest.All());
        await local.ExportAsync(expectedExport, ExportRequest.All());
        Assert.Equal(expectedExport.ToArray(), exported.ToArray());
    }

    [Fact]
    public async Task Errors_ComeBackTyped()
    {
        using var http = new OmniGraphHttpClient(fixture.Server.BaseAddress);
        var unknown = await Assert.ThrowsAsync<OmniGraphException>(() => http.Graph("nonexistent").GetSnapshotAsync());
        Assert.Equal(ErrorCodes.GraphNotFound, unknown.Code);
        Assert.Equal(ErrorKind.NotFound, unknown.Kind);

        var w = http.Graph("w");
        var stale = await Assert.ThrowsAsync<GraphPreconditionFailedException>(() => w.MutateAsync(new MutationRequest(AcceptanceFixtures.MutationQueries, "set_age")
        {
            Parameters = """{"name":"Alice","age":50}""",
            ExpectedHeadCommit = "01M96ZA34R9VM7C4NA5QYKZBVN",
        }));
        Assert.Equal("01M96ZA34R9VM7C4NA5QYKZBVN", stale.Expected);
        Assert.Equal((await w.ListCommitsAsync()).Commits[0].GraphCommitId, stale.Actual);

        var parse = await Assert.ThrowsAsync<OmniGraphException>(() => w.QueryAsync(new QueryRequest("query q( {", null, null, QueryTarget.Head())));
        Assert.Equal(ErrorCodes.QueryParseError, parse.Code);

        using var nowhere = new OmniGraphHttpClient(new Uri("http://127.0.0.1:1/"));
        var unreachable = await Assert.ThrowsAsync<OmniGraphException>(() => nowhere.GetHealthAsync());
        Assert.Equal(ErrorCodes.ServerUnavailable, unreachable.Code);
    }

    [Fact]
    public async Task AddOmniGraphClient_CallsTheGrainsThroughTheGateway()
    {
        await using var host = await GatewayClientHost.StartAsync(fixture.Server.GatewayAddress);
        var client = host.Graph("g");
        var snapshot = await client.GetSnapshotAsync();
        Assert.Equal(4, snapshot.Datasets.Single(static d => d.TypeName == "Person").EntityCount);
        var rows = await new GrainGraphService(client).QueryAsync(new QueryRequest(AcceptanceFixtures.TestQueries, "get_person", """{"name":"Bob"}""", QueryTarget.Head()));
        Assert.Equal(1, rows.RowCount);
    }

    [Fact]
    public void AddOmniGraphClient_WithoutAGateway_FailsAtStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOmniGraphClient(static _ => { });
        using var host = builder.Build();
        var error = Assert.ThrowsAny<Exception>(() => host.StartAsync().GetAwaiter().GetResult());
        Assert.Contains("no gateway", error.ToString(), StringComparison.Ordinal);
    }
}
