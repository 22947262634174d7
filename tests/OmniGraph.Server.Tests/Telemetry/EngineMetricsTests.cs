using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using OmniGraph.Abstractions;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Server.Tests.Telemetry;

/// <summary>
/// The engine's metrics (<see cref="EngineMetrics"/>) for reads and commits served over HTTP. The meter is process-wide
/// and other collections' servers have graphs of the same names, so these tests run alone, on a server of their own.
/// </summary>
[Collection(Name)]
public sealed class EngineMetricsTests : IDisposable
{
    public const string Name = "engine-metrics";

    private readonly ServerFixture _fixture;
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly MeterListener _listener = new();

    public EngineMetricsTests(ServerFixture fixture)
    {
        _fixture = fixture;
        _listener.InstrumentPublished = static (instrument, listener) =>
        {
            if (instrument.Meter.Name == EngineMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue(new(instrument.Name, value, Tags(tags))));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue(new(instrument.Name, value, Tags(tags))));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task AReadRecordsItsLatency_WithTheGraphAndOutcome()
    {
        var body = $$$"""{"query": {{{JsonSerializer.Serialize(AcceptanceFixtures.TestQueries)}}}, "name": "adults"}""";
        using var response = await _fixture.Http.PostAsync("graphs/g/query", ServerFixture.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var read = Assert.Single(Of("omnigraph.query.duration", "g"), static m => m.Tags[EngineMetrics.OutcomeTag] == EngineMetrics.Succeeded);
        Assert.InRange(read.Value, double.Epsilon, 60);
        Assert.False(read.Tags.ContainsKey(EngineMetrics.ErrorTypeTag));
    }

    [Fact]
    public async Task AFailedReadRecordsTheErrorCode()
    {
        using var response = await _fixture.Http.PostAsync("graphs/g/query", ServerFixture.Json("""{"query": "query broken( {"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var failed = Assert.Single(Of("omnigraph.query.duration", "g"));
        Assert.Equal(EngineMetrics.Failed, failed.Tags[EngineMetrics.OutcomeTag]);
        Assert.Equal("query_parse_error", failed.Tags[EngineMetrics.ErrorTypeTag]);
    }

    [Fact]
    public async Task ACommitIsCountedOnce_AndItsLatencyRecorded()
    {
        var body = $$$"""{"query": {{{JsonSerializer.Serialize(AcceptanceFixtures.MutationQueries)}}}, "name": "insert_person", "params": {"name": "Metered", "age": 41}}""";
        using var response = await _fixture.Http.PostAsync("graphs/w/mutate", ServerFixture.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var counted = Assert.Single(Of("omnigraph.commits", "w"));
        Assert.Equal(1, counted.Value);
        Assert.Equal(EngineMetrics.WriteCommit, counted.Tags[EngineMetrics.CommitKindTag]);
        Assert.Equal(EngineMetrics.Succeeded, counted.Tags[EngineMetrics.OutcomeTag]);
        var latency = Assert.Single(Of("omnigraph.commit.duration", "w"));
        Assert.InRange(latency.Value, double.Epsilon, 60);
    }

    private List<Measurement> Of(string instrument, string graph) =>
        [.. _measurements.Where(m => m.Instrument == instrument && m.Tags.GetValueOrDefault(EngineTelemetry.GraphTag) == graph)];

    private static Dictionary<string, string?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value?.ToString();
        }

        return map;
    }

    private sealed record Measurement(string Instrument, double Value, Dictionary<string, string?> Tags);
}

[CollectionDefinition(EngineMetricsTests.Name, DisableParallelization = true)]
public sealed class EngineMetricsCollection : ICollectionFixture<ServerFixture>;
