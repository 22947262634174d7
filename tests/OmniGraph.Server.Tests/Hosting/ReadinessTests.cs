using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OmniGraph.Server.Hosting;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Hosting;

/// <summary>
/// Readiness (docs/server.md, "Health, readiness, telemetry"): <c>/readyz</c> is 200 <c>ready</c> with the number of
/// graphs while the server serves, and 503 <c>stopping</c> from the moment a stop begins, while liveness stays 200 — so a
/// load balancer stops sending new requests while the ones in flight finish.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_Is503Stopping_OnceAStopBegins_WhileLivenessStays200()
    {
        using var root = new TempDirectory();
        await ServerFixture.CreateGraphAsync(root.Combine("g"));
        await using var server = await OmniGraphServer.StartAsync(ServerFixture.Options(root.Path));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using (var ready = await http.GetAsync("readyz"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            Assert.Equal(("ready", 1), (body.RootElement.GetProperty("status").GetString(), body.RootElement.GetProperty("graphs").GetInt32()));
        }

        // What a stop signal does first: the host's stopping token fires before the listener and the silo stop.
        server.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        using (var stopping = await http.GetAsync("readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, stopping.StatusCode);
            using var body = JsonDocument.Parse(await stopping.Content.ReadAsStringAsync());
            Assert.Equal("stopping", body.RootElement.GetProperty("status").GetString());
        }

        using var live = await http.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
