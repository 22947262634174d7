using System.Net;
using System.Text;
using System.Text.Json;
using OmniGraph.Cli.Serving;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Processes;

/// <summary>
/// <c>omnigraph serve</c> as a real process: it prints exactly its listen line, answers HttpClient, the Flight client and
/// the CLI with <c>--server</c> (the same output as the CLI on the store), stops on SIGTERM with exit code 0, and a kill in the middle
/// of a load leaves the graph at its old state for the next start.
/// </summary>
public sealed class ServeProcessTests
{
    [Fact]
    public async Task Serve_AnswersHttpAndTheCli_AndStopsOnSigterm()
    {
        using var root = new TempDirectory();
        await ServerFixture.CreateGraphAsync(root.Combine("g"));
        using var server = await ServeProcess.StartAsync(root.Path, extra: "--unauthenticated");

        using (var http = new HttpClient { BaseAddress = server.BaseAddress })
        {
            using var health = JsonDocument.Parse(await http.GetStringAsync("healthz"));
            Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        }

        using var queries = new TempDirectory();
        var queryFile = queries.Combine("test.gq");
        await File.WriteAllTextAsync(queryFile, AcceptanceFixtures.TestQueries);
        string[] query = ["query", "friends_of", "--query", queryFile, "--params", """{"name":"Alice"}""", "--format", "json"];
        var served = await InProcessCli.RunAsync([.. query, "--server", server.BaseAddress.AbsoluteUri, "--graph", "g"]);
        Assert.Equal(0, served.ExitCode);
        Assert.Contains("\"row_count\": 2", served.Out, StringComparison.Ordinal);

        // The Flight client on the same port: the same rows as typed columns.
        using (var channel = Grpc.Net.Client.GrpcChannel.ForAddress(server.BaseAddress))
        {
            var ticket = new OmniGraph.Server.Flight.FlightReadTicket("g", AcceptanceFixtures.TestQueries, "friends_of", JsonDocument.Parse("""{"name":"Alice"}""").RootElement);
            var (batches, _, _) = await Flight.FlightFixture.ReadAsync(new Apache.Arrow.Flight.Client.FlightClient(channel), ticket);
            Assert.Equal(2, batches.Sum(static batch => batch.Length));
        }

        var mutationFile = queries.Combine("mutations.gq");
        await File.WriteAllTextAsync(mutationFile, AcceptanceFixtures.MutationQueries);
        var stale = await InProcessCli.RunAsync("mutate", "set_age", "--query", mutationFile, "--params", """{"name":"Alice","age":31}""", "--if-commit", "01M96ZA34R9VM7C4NA5QYKZBVN", "--server", server.BaseAddress.AbsoluteUri, "--graph", "g");
        Assert.Equal(4, stale.ExitCode);
        Assert.Contains("error[precondition_failure]", stale.Error, StringComparison.Ordinal);

        var (exitCode, rest, _) = await server.TerminateAsync();
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, rest);

        // The same query on the store, after the server stopped: the same output.
        var embedded = await InProcessCli.RunAsync([.. query, "--store", root.Combine("g")]);
        Assert.Equal(0, embedded.ExitCode);
        Assert.Equal(embedded.Out, served.Out);
    }

    [Fact]
    public async Task Serve_RefusesToStartWithoutCredentials()
    {
        using var root = new TempDirectory();
        var result = await InProcessCli.RunAsync("serve", "--store", root.Path, "--bind", "127.0.0.1:0");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("bearer", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithTokensAndPolicyFiles_AuthenticatesDecidesAndAudits()
    {
        using var root = new TempDirectory();
        await ServerFixture.CreateGraphAsync(root.Combine("g"));
        using var files = new TempDirectory();
        await File.WriteAllTextAsync(files.Combine("policy.yaml"), Security.SecuredServerFixture.GraphPolicy);
        await File.WriteAllTextAsync(files.Combine("server-policy.yaml"), Security.SecuredServerFixture.ServerPolicy);
        var environment = new Dictionary<string, string>
        {
            ["OMNIGRAPH_SERVER_BEARER_TOKENS_JSON"] = JsonSerializer.Serialize(Security.SecuredServerFixture.Tokens),
        };
        using var server = await ServeProcess.StartAsync(root.Path, environment, "--policy", files.Combine("policy.yaml"), "--server-policy", files.Combine("server-policy.yaml"));
        using (var anonymous = new HttpClient { BaseAddress = server.BaseAddress })
        {
            await ErrorBody.AssertAsync(await anonymous.GetAsync("graphs/g/snapshot"), HttpStatusCode.Unauthorized, "unauthorized");
        }

        using (var andrew = new HttpClient { BaseAddress = server.BaseAddress })
        {
            andrew.DefaultRequestHeaders.Authorization = Security.SecuredServerFixture.Bearer("act-andrew");
            Assert.Contains("\"graph_id\":\"g\"", await andrew.GetStringAsync("graphs"), StringComparison.Ordinal);
            using var written = await andrew.PostAsync("graphs/g/mutate", Security.SecuredRoutes.NewPerson());
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        }

        using (var rita = new HttpClient { BaseAddress = server.BaseAddress })
        {
            rita.DefaultRequestHeaders.Authorization = Security.SecuredServerFixture.Bearer("act-rita");
            await ErrorBody.AssertAsync(await rita.PostAsync("graphs/g/mutate", Security.SecuredRoutes.NewPerson()), HttpStatusCode.Forbidden, "forbidden");
        }

        var (exitCode, _, _) = await server.TerminateAsync();
        Assert.Equal(0, exitCode);
        var verify = await InProcessCli.RunAsync("audit", "verify", root.Combine("g"));
        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith("intact: 2 entries", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_RefusesABadPolicyOrBinding_BeforeItStarts()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(root.Combine("g"));
        using var files = new TempDirectory();
        await File.WriteAllTextAsync(files.Combine("bad.yaml"), "version: 1\ngroups: { team: [a] }\nrules: []\nowner: me\n");
        var unknownField = await InProcessCli.RunAsync("serve", "--store", root.Path, "--bind", "127.0.0.1:0", "--policy", files.Combine("bad.yaml"));
        Assert.Equal(1, unknownField.ExitCode);
        Assert.Equal(string.Empty, unknownField.Out);
        Assert.Contains("error[policy_unknown_field]", unknownField.Error, StringComparison.Ordinal);
        Assert.Contains("line 4", unknownField.Error, StringComparison.Ordinal);

        var binding = await InProcessCli.RunAsync("serve", "--store", root.Path, "--bind", "127.0.0.1:0", "--graph-policy", "g");
        Assert.Equal(2, binding.ExitCode);
        Assert.Contains("ID=FILE", binding.Error, StringComparison.Ordinal);

        await File.WriteAllTextAsync(files.Combine("server.yaml"), Security.SecuredServerFixture.ServerPolicy);
        var wrongKind = await InProcessCli.RunAsync("serve", "--store", root.Path, "--bind", "127.0.0.1:0", "--policy", files.Combine("server.yaml"));
        Assert.Equal(1, wrongKind.ExitCode);
        Assert.Contains("error[policy_binding_mismatch]", wrongKind.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillingTheServerMidLoad_LeavesTheOldStateForTheNextStart()
    {
        using var root = new TempDirectory();
        await ServerFixture.CreateGraphAsync(root.Combine("g"));
        using (var server = await ServeProcess.StartAsync(root.Path, extra: "--unauthenticated"))
        {
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            var sent = new TaskCompletionSource();
            var release = new TaskCompletionSource();
            var padding = new string('x', 200);
            var load = http.PostAsync("graphs/g/load/ndjson?mode=merge", new PushStreamContent(async stream =>
            {
                // 4 MiB of valid lines (Company.name is @unique: each name differs, so the server streams on and does
                // not answer early with a 400), then wait: the load is part way when the server dies.
                for (int written = 0, n = 0; written < 4 * 1024 * 1024; n++)
                {
                    var line = Encoding.UTF8.GetBytes("{\"type\":\"Company\",\"data\":{\"name\":\"Co-" + n + "-" + padding + "\"}}\n");
                    await stream.WriteAsync(line);
                    written += line.Length;
                }

                await stream.FlushAsync();
                sent.TrySetResult();

                // Held until the server is dead: the client's send cannot finish (and the request cannot fail) before.
                await release.Task;
            }));
            await sent.Task.WaitAsync(TimeSpan.FromMinutes(1));
            await Task.Delay(500);
            await server.KillAsync();
            release.SetResult();
            await Assert.ThrowsAnyAsync<Exception>(() => load.WaitAsync(TimeSpan.FromMinutes(1)));
        }

        using var restarted = await ServeProcess.StartAsync(root.Path, extra: "--unauthenticated");
        using var client = new HttpClient { BaseAddress = restarted.BaseAddress };
        using var snapshot = JsonDocument.Parse(await client.GetStringAsync("graphs/g/snapshot"));
        var company = snapshot.RootElement.GetProperty("datasets").EnumerateArray().Single(static d => d.GetProperty("type_name").GetString() == "Company");
        Assert.Equal(2, company.GetProperty("entity_count").GetInt64());
        using var commits = JsonDocument.Parse(await client.GetStringAsync("graphs/g/commits"));
        Assert.Equal(2, commits.RootElement.GetProperty("commits").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("readyz")).StatusCode);
        var (exitCode, _, _) = await restarted.TerminateAsync();
        Assert.Equal(0, exitCode);
    }
}
