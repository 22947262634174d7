using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Server.Admission;
using OmniGraph.Server.Hosting;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Hosting;

/// <summary>
/// A stop with a write in flight (docs/server.md "Starting and stopping"): the server stops taking new requests, the
/// streamed load already running reads the rest of its body and commits, and only then does the server stop; the next
/// start serves the new state. The signal path (SIGTERM/SIGINT → this stop) is covered by the process tests.
/// </summary>
public sealed class GracefulStopTests
{
    [Fact]
    public async Task AStop_LetsTheStreamedLoadInFlightFinishAndCommit()
    {
        using var root = new TempDirectory();
        await ServerFixture.CreateGraphAsync(root.Combine("g"));
        const int LinesPerHalf = 200;
        var lines = 0;
        await using (var server = await OmniGraphServer.StartAsync(ServerFixture.Options(root.Path)))
        {
            using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
            var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var load = http.PostAsync("graphs/g/load/ndjson?mode=merge", new PushStreamContent(async stream =>
            {
                async Task WriteHalfAsync()
                {
                    for (var n = 0; n < LinesPerHalf; n++)
                    {
                        await stream.WriteAsync(Encoding.UTF8.GetBytes("{\"type\":\"Company\",\"data\":{\"name\":\"Stop-" + lines++ + "\"}}\n"));
                    }

                    await stream.FlushAsync();
                }

                await WriteHalfAsync();
                sent.TrySetResult();
                await release.Task;
                await WriteHalfAsync();
            }));

            await sent.Task.WaitAsync(TimeSpan.FromMinutes(1));
            var admitted = await WaitUntilTheLoadIsInFlightAsync(server);
            Assert.True(admitted, "the held load never showed up as a write in flight");

            var stopping = server.StopAsync();
            Assert.False(load.IsCompleted);
            release.SetResult();
            using (var response = await load.WaitAsync(TimeSpan.FromMinutes(2)))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            }

            await stopping.WaitAsync(TimeSpan.FromMinutes(2));
        }

        await using var restarted = await OmniGraphServer.StartAsync(ServerFixture.Options(root.Path));
        using var client = new HttpClient { BaseAddress = restarted.BaseAddress };
        using var snapshot = JsonDocument.Parse(await client.GetStringAsync("graphs/g/snapshot"));
        var company = snapshot.RootElement.GetProperty("datasets").EnumerateArray().Single(static d => d.GetProperty("type_name").GetString() == "Company");
        Assert.Equal(2 + (2 * LinesPerHalf), company.GetProperty("entity_count").GetInt64());
    }

    /// <summary>The load is in flight once its handler holds its admission slot (bounded by time: a loaded machine is slow).</summary>
    private static async Task<bool> WaitUntilTheLoadIsInFlightAsync(OmniGraphServer server)
    {
        var admission = server.Services.GetRequiredService<ActorAdmission>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (admission.InFlight(actor: null) == 1)
            {
                return true;
            }

            await Task.Delay(25);
        }

        return false;
    }
}
