using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using OmniGraph.Storage;
using OmniGraph.Storage.Azure;
using OmniGraph.Testing.Azure;
using OmniGraph.Testing.Fixtures;
using Xunit.Abstractions;

namespace OmniGraph.Server.Tests.Processes;

/// <summary>
/// Three <c>omnigraph serve --clustering azure</c> processes over one Azurite serve one graph on the blob store. Writers
/// write through every server in turn (plain inserts and <c>if-graph-commit</c> inserts) while the silo hosting the
/// graph's manifest grain is killed with SIGKILL, twice, in the middle of commits. Afterwards every acknowledged write is
/// present, the graph reads as one consistent snapshot, no recovery sidecar is left, and writes go on.
/// </summary>
public sealed class AzureClusterProcessTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const string GraphId = "g";
    private const int Writers = 6;
    private static readonly TimeSpan s_recoveryBudget = TimeSpan.FromSeconds(60);
    private static readonly string s_mutations = JsonSerializer.Serialize(AcceptanceFixtures.MutationQueries);
    private static readonly string s_everyone = JsonSerializer.Serialize("query everyone() {\n match { $p: Person }\n return { $p.name }\n}\n");

    [Fact]
    public async Task KillingTheManifestHostTwiceMidCommit_LosesNoAcknowledgedWrite_AndWritesGoOn()
    {
        await using var cluster = await ServeCluster.StartAsync(azurite.Server, GraphId, AcceptanceFixtures.TestSchema, servers: 3);
        var log = new ClusterWriteLog();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(i => WriteLoopAsync(cluster, i, conditional: i == 0, log, stop.Token)).ToList();
        await log.WaitForAcknowledgedAsync(12, s_recoveryBudget);

        var recoveries = new List<TimeSpan>();
        for (var round = 0; round < 2; round++)
        {
            var host = await cluster.ManifestHostAsync(GraphId);
            await WaitForWritesInFlightAsync(log);
            var killedAt = Stopwatch.GetTimestamp();
            await host.KillAsync();
            recoveries.Add(await log.WaitForRecoveryAsync(killedAt, s_recoveryBudget));
            await log.WaitForAcknowledgedAsync(log.Acknowledged.Count + 6, s_recoveryBudget);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
        output.WriteLine($"acknowledged {log.Acknowledged.Count} writes, {log.Failed} with unknown outcome; time to recover after each kill: {string.Join(", ", recoveries.Select(static r => $"{r.TotalSeconds:F1} s"))}");

        var survivor = Assert.Single(cluster.Alive);
        using var http = new HttpClient { BaseAddress = survivor.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var names = await EveryoneAsync(http);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(log.Acknowledged.Except(names, StringComparer.Ordinal));
        Assert.Equal(names.Count, await PersonCountAsync(http));

        await AssertSidecarsHealedAsync(cluster);

        using (var after = await http.PostAsync($"graphs/{GraphId}/mutate", Insert("after-the-kills")))
        {
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }

        Assert.Contains("after-the-kills", await EveryoneAsync(http));
    }

    /// <summary>Writes until stopped, each write through the next live server; records what was acknowledged.</summary>
    private static async Task WriteLoopAsync(ServeCluster cluster, int writer, bool conditional, ClusterWriteLog log, CancellationToken stop)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var alive = cluster.Alive;
            var server = alive[(writer + n) % alive.Count].BaseAddress;
            var name = $"w{writer}-{n}";
            var started = Stopwatch.GetTimestamp();
            log.Begin();
            try
            {
                using var response = conditional
                    ? await InsertIfHeadAsync(http, server, name)
                    : await http.PostAsync(new Uri(server, $"graphs/{GraphId}/mutate"), Insert(name));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    log.Acknowledge(name, started);
                }
                else if (response.StatusCode != HttpStatusCode.PreconditionFailed)
                {
                    // A conditional write that lost its race is a clean refusal; anything else is an unknown outcome.
                    log.Fail();
                    await Task.Delay(100, CancellationToken.None);
                }
            }
            catch (Exception lost) when (lost is HttpRequestException or TaskCanceledException)
            {
                log.Fail();
                await Task.Delay(100, CancellationToken.None);
            }
            finally
            {
                log.End();
            }
        }
    }

    private static async Task<HttpResponseMessage> InsertIfHeadAsync(HttpClient http, Uri server, string name)
    {
        using var commits = JsonDocument.Parse(await http.GetStringAsync(new Uri(server, $"graphs/{GraphId}/commits")));
        var head = commits.RootElement.GetProperty("commits")[0].GetProperty("graph_commit_id").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, $"graphs/{GraphId}/mutate/if-graph-commit")) { Content = Insert(name) };
        request.Headers.TryAddWithoutValidation("Omnigraph-If-Graph-Commit", head);
        return await http.SendAsync(request);
    }

    private static StringContent Insert(string name) => new(
        $$$"""{"query": {{{s_mutations}}}, "name": "insert_person", "params": {"name": "{{{name}}}", "age": 30}}""",
        Encoding.UTF8,
        "application/json");

    private static async Task WaitForWritesInFlightAsync(ClusterWriteLog log)
    {
        // The writers keep commits going; wait for one to be under way so the kill lands mid-commit.
        for (var attempt = 0; attempt < 200 && log.InFlight == 0; attempt++)
        {
            await Task.Delay(10);
        }
    }

    private static async Task<List<string>> EveryoneAsync(HttpClient http)
    {
        using var response = await http.PostAsync(
            $"graphs/{GraphId}/query",
            new StringContent($$$"""{"query": {{{s_everyone}}}, "name": "everyone"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.GetProperty("rows").EnumerateArray().Select(static row => row.GetProperty("p.name").GetString()!)];
    }

    private static async Task<long> PersonCountAsync(HttpClient http)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync($"graphs/{GraphId}/snapshot"));
        return document.RootElement.GetProperty("datasets").EnumerateArray()
            .Single(static d => d.GetProperty("type_name").GetString() == "Person")
            .GetProperty("entity_count").GetInt64();
    }

    /// <summary>The sidecars of the interrupted commits are healed (deleted after the heal; those of acknowledged commits shortly after the acknowledgement).</summary>
    private static async Task AssertSidecarsHealedAsync(ServeCluster cluster)
    {
        var options = AzuriteStores.Options(cluster.Azurite, cluster.Container);
        options.Prefix = $"graphs/{GraphId}";
        var store = AzureBlobObjectStore.Create(options);
        IReadOnlyList<ObjectProperties> left = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            left = (await store.ListAsync("recovery/")).Objects;
            if (left.Count == 0)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"recovery sidecars left: {string.Join(", ", left.Select(static o => o.Key))}");
    }
}
