using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OmniGraph.Abstractions;
using OmniGraph.Cli.Serving;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Telemetry;

/// <summary>
/// <c>omnigraph serve</c> with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set exports its traces and metrics over OTLP
/// (docs/server.md, "Health, readiness, telemetry"): a collector stand-in on loopback receives the request's span, the
/// engine's query phases and the engine's meter. Without the variable nothing is sent (the other process tests).
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task WithAnOtlpEndpoint_TheServerExportsTheEnginesSpansAndMetrics()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue((context.Request.Path.Value!, body.ToArray()));
            return Results.Ok();
        });
        await collector.StartAsync();
        var endpoint = collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var root = new TempDirectory();
        await ServerFixture.CreateGraphAsync(root.Combine("g"));
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        };
        await using (var server = await ServeProcess.StartAsync(root.Path, environment, "--unauthenticated"))
        {
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            var body = $$$"""{"query": {{{JsonSerializer.Serialize(AcceptanceFixtures.TestQueries)}}}, "name": "adults"}""";
            using var response = await http.PostAsync("graphs/g/query", ServerFixture.Json(body));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            // A graceful stop flushes both exporters, whatever their intervals.
            var (exitCode, _, _) = await server.TerminateAsync();
            Assert.Equal(0, exitCode);
        }

        var traces = Concatenated(received, "/v1/traces");
        Assert.Contains(EngineTelemetry.SourceName, traces, StringComparison.Ordinal);
        Assert.Contains("query.execute", traces, StringComparison.Ordinal);
        Assert.Contains("omnigraph-server", traces, StringComparison.Ordinal);
        Assert.Contains("{graphId}/query", traces, StringComparison.Ordinal);
        var metrics = Concatenated(received, "/v1/metrics");
        Assert.Contains(EngineMetrics.MeterName, metrics, StringComparison.Ordinal);
    }

    /// <summary>The bodies sent to <paramref name="path"/> as Latin-1 text: OTLP protobuf keeps names as plain UTF-8 bytes.</summary>
    private static string Concatenated(IEnumerable<(string Path, byte[] Body)> received, string path) =>
        string.Concat(received.Where(r => r.Path == path).Select(static r => Encoding.Latin1.GetString(r.Body)));
}
