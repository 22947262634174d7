using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OmniGraph.Cli.Serving;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Samples;

/// <summary>
/// The samples, built with the tests and run end to end as processes: <c>samples/EmbeddedConsole</c> (the engine in a
/// console app) and <c>samples/WebFrontEnd</c> (an ASP.NET Core front-end whose Orleans client joins a running
/// <c>omnigraph serve</c>).
/// </summary>
public sealed class SampleSmokeTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task EmbeddedConsole_InitsLoadsBranchesMutatesAndQueries()
    {
        Assert.True(File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "samples", "EmbeddedConsole", "Program.cs")).Length < 20, "Program.cs is under 20 lines");
        using var root = new TempDirectory();
        var port = SampleProcess.FreePort();
        using var sample = SampleProcess.Start("EmbeddedConsole", "--Folder", root.Combine("social"), "--SiloPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (exitCode, output, error) = await sample.WaitAsync(s_timeout);
        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        Assert.Equal([$"loaded 160 entities into {root.Combine("social")}", "main: 26 people", "draft: 27 people"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // What it wrote is a graph the CLI reads: two branches, Grace on draft only.
        var branches = await InProcessCli.RunAsync("branch", "list", root.Combine("social"), "--json");
        Assert.Equal(["draft", "main"], JsonDocument.Parse(branches.Out).RootElement.GetProperty("branches").EnumerateArray().Select(static b => b.GetString()));
    }

    [Fact]
    public async Task WebFrontEnd_JoinsARunningServer_AndServesItsEndpointsThroughTheGrains()
    {
        using var root = new TempDirectory();
        var social = Path.Combine(RepositoryFiles.Root, "samples", "social");
        Assert.Equal(0, (await InProcessCli.RunAsync("init", "--schema", Path.Combine(social, "schema.pg"), root.Combine("social"))).ExitCode);
        Assert.Equal(0, (await InProcessCli.RunAsync("load", root.Combine("social"), "--data", Path.Combine(social, "data.jsonl"), "--mode", "overwrite")).ExitCode);
        var gateway = SampleProcess.FreePort();
        using var server = await ServeProcess.StartAsync(root.Path, null, "--unauthenticated", "--gateway-port", gateway.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var frontEnd = SampleProcess.Start("WebFrontEnd", "--urls", "http://127.0.0.1:0", "--OmniGraph:Gateway", $"127.0.0.1:{gateway}");
        var listening = (await frontEnd.ReadUntilAsync("      Now listening on: ", s_timeout))[^1];
        using var http = new HttpClient { BaseAddress = new Uri(listening.Trim()["Now listening on: ".Length..]) };

        using (var graph = JsonDocument.Parse(await http.GetStringAsync("graph")))
        {
            Assert.Equal("main", graph.RootElement.GetProperty("graph_branch").GetString());
            Assert.NotEmpty(graph.RootElement.GetProperty("datasets").EnumerateArray());
        }

        using (var friends = JsonDocument.Parse(await http.GetStringAsync("people/Ada/friends")))
        {
            var names = friends.RootElement.GetProperty("friends").EnumerateArray().Select(static f => f.GetString()).ToList();
            Assert.Contains("Dana", names);
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
        }

        using (var added = await http.PostAsJsonAsync("people", new { name = "Webb", age = 33, joined = "2025-01-02" }))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            using var change = JsonDocument.Parse(await added.Content.ReadAsStringAsync());
            Assert.Equal("web-front-end", change.RootElement.GetProperty("actor_id").GetString());
        }

        // The person is in the served graph: the server's own route reads them.
        using (var direct = new HttpClient { BaseAddress = server.BaseAddress })
        using (var read = await direct.PostAsJsonAsync("graphs/social/query", new { query = File.ReadAllText(Path.Combine(social, "queries.gq")), name = "person", @params = new { name = "Webb" } }))
        {
            using var rows = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
            Assert.Equal(1, rows.RootElement.GetProperty("row_count").GetInt32());
        }

        // A graph error comes back with its stable code and status.
        using var missing = await http.PostAsJsonAsync("people", new { name = "Nobody", age = 1, joined = "2025-01-02", branch = "no-such-branch" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("branch_not_found", JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }
}
