using System.Net;
using System.Text;
using System.Text.Json;
using OmniGraph.Cli;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Processes;

/// <summary>
/// <c>omnigraph serve</c> as a real process: it prints exactly its listen line, answers HttpClient and the CLI with
/// <c>--server</c> (the same output as the CLI on the store), stops on SIGTERM with exit code 0, and a kill in the middle
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
        var served = await RunCliAsync([.. query, "--server", server.BaseAddress.AbsoluteUri, "--graph", "g"]);
        Assert.Equal(0, served.ExitCode);
        Assert.Contains("\"row_count\": 2", served.Out, StringComparison.Ordinal);

        var mutationFile = queries.Combine("mutations.gq");
        await File.WriteAllTextAsync(mutationFile, AcceptanceFixtures.MutationQueries);
        var stale = await RunCliAsync(["mutate", "set_age", "--query", mutationFile, "--params", """{"name":"Alice","age":31}""", "--if-commit", "01M96ZA34R9VM7C4NA5QYKZBVN", "--server", server.BaseAddress.AbsoluteUri, "--graph", "g"]);
        Assert.Equal(4, stale.ExitCode);
        Assert.Contains("error[precondition_failure]", stale.Error, StringComparison.Ordinal);

        var (exitCode, rest, _) = await server.TerminateAsync();
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, rest);

        // The same query on the store, after the server stopped: the same output.
        var embedded = await RunCliAsync([.. query, "--store", root.Combine("g")]);
        Assert.Equal(0, embedded.ExitCode);
        Assert.Equal(embedded.Out, served.Out);
    }

    [Fact]
    public async Task Serve_RefusesToStartWithoutCredentials()
    {
        using var root = new TempDirectory();
        var result = await RunCliAsync(["serve", "--store", root.Path, "--bind", "127.0.0.1:0"]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("bearer", result.Error, StringComparison.Ordinal);
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
            var line = Encoding.UTF8.GetBytes("{\"type\":\"Company\",\"data\":{\"name\":\"Co-" + new string('x', 200) + "\"}}\n");
            var load = http.PostAsync("graphs/g/load/ndjson?mode=merge", new PushStreamContent(async stream =>
            {
                // 4 MiB of lines, then wait: the load is part way when the server dies.
                for (var written = 0; written < 4 * 1024 * 1024; written += line.Length)
                {
                    await stream.WriteAsync(line);
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

    private static async Task<(int ExitCode, string Out, string Error)> RunCliAsync(string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var exitCode = await OmniGraphCli.RunAsync(args, new CliConsole(output, error, isErrorInteractive: false));
        return (exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}
