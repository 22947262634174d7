using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using OmniGraph.Abstractions;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Server.Tests.Telemetry;

/// <summary>The engine's own spans (<see cref="EngineTelemetry"/>) for a read and a commit served over HTTP.</summary>
[Collection(ServerCollection.Name)]
public sealed class EngineSpanTests : IDisposable
{
    private readonly ServerFixture _fixture;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public EngineSpanTests(ServerFixture fixture)
    {
        _fixture = fixture;
        _listener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name == EngineTelemetry.SourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task AReadHasParsePlanAndExecuteSpans_UnderOneQuerySpan()
    {
        var body = $$$"""{"query": {{{JsonSerializer.Serialize(AcceptanceFixtures.TestQueries)}}}, "name": "adults"}""";
        using var response = await _fixture.Http.PostAsync("graphs/g/query", ServerFixture.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var query = Assert.Single(Spans("g", "query"), static s => (string?)s.GetTagItem("omnigraph.query") == "adults");
        Assert.Equal("main", query.GetTagItem(EngineTelemetry.BranchTag));
        var phases = Spans("g").Where(s => s.ParentSpanId == query.SpanId).Select(static s => s.OperationName).ToList();
        Assert.Equal(["query.parse", "query.plan", "query.execute"], phases);
        Assert.Equal(1, Spans("g", "query.execute").Single(s => s.ParentSpanId == query.SpanId).GetTagItem("omnigraph.rows"));
    }

    [Fact]
    public async Task ACommitHasPreparePublishAndAckSpans_UnderOneCommitSpan()
    {
        var body = $$$"""{"query": {{{JsonSerializer.Serialize(AcceptanceFixtures.MutationQueries)}}}, "name": "insert_person", "params": {"name": "Spanner", "age": 40}}""";
        using var response = await _fixture.Http.PostAsync("graphs/w/mutate", ServerFixture.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var commitId = receipt.RootElement.GetProperty("commit").GetProperty("graph_commit_id").GetString();

        var commit = Assert.Single(Spans("w", "commit"), s => (string?)s.GetTagItem("omnigraph.commit") == commitId);
        var phases = Spans("w").Where(s => s.ParentSpanId == commit.SpanId).Select(static s => s.OperationName).ToList();
        Assert.Equal(["commit.prepare", "commit.publish", "commit.ack"], phases);
    }

    [Fact]
    public async Task AFailedReadMarksItsSpanWithTheErrorCode()
    {
        using var response = await _fixture.Http.PostAsync("graphs/g/query", ServerFixture.Json("""{"query": "query broken( {"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var failed = Spans("g", "query").Where(static s => s.Status == ActivityStatusCode.Error).ToList();
        Assert.Contains(failed, static s => (string?)s.GetTagItem("error.type") == "query_parse_error");
    }

    private IEnumerable<Activity> Spans(string graph, string? name = null) =>
        _spans.Where(s => (string?)s.GetTagItem(EngineTelemetry.GraphTag) == graph && (name is null || s.OperationName == name)).OrderBy(static s => s.StartTimeUtc);
}
