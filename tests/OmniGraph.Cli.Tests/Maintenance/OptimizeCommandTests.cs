using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.Maintenance;

/// <summary>
/// <c>optimize</c> on the loaded example graph after small writes: one commit that compacts only what needs it, every
/// query answers exactly as before (at the head and at earlier versions), and a second run publishes nothing.
/// </summary>
public sealed class OptimizeCommandTests : LoadedWorkspaceTests
{
    private static readonly string[] s_queries =
    [
        """query q() { match { $p: Person } return { $p.name, $p.age } }""",
        """query q() { match { $a: Person  $a knows $b } return { $a.name, $b.name } }""",
        """query q() { match { $p: Person  $p worksAt $c } return { $p.name, $c.name } order { $p.name asc } }""",
        """query q() { match { $p: Person } return { count($p) as n, sum($p.age) as total } }""",
    ];

    private async Task<string[]> AnswersAsync(string? snapshot = null)
    {
        var answers = new List<string>();
        foreach (var query in s_queries)
        {
            string[] args = ["query", "--store", Workspace.Graph, "-e", query, "--format", "csv"];
            answers.Add((await CliRun.OkAsync(snapshot is null ? args : [.. args, "--snapshot", snapshot])).Out);
        }

        return [.. answers];
    }

    private Task<CliResult> MutateAsync(string source) => CliRun.OkAsync("mutate", "--store", Workspace.Graph, "-e", source);

    [Fact]
    public async Task Optimize_CompactsInOneCommit_AnswersUnchanged_SecondRunIsANoOp()
    {
        for (var i = 0; i < 4; i++)
        {
            await MutateAsync($$"""query q() { insert Person { name: "P{{i}}", age: {{20 + i}} } }""");
        }

        await MutateAsync("""query q() { delete Person where name = "P1" }""");
        await MutateAsync("""query q() { update Person set { age: 31 } where name = "Alice" }""");
        await MutateAsync("""query q() { insert Knows { from: "P0", to: "Alice" } }""");
        var head = (await CliRun.OkAsync("snapshot", Workspace.Graph, "--json")).Json().GetProperty("graph_manifest_version").GetInt64();
        var before = await AnswersAsync();
        var earlier = await AnswersAsync(snapshot: "3");

        var optimized = (await CliRun.OkAsync("optimize", Workspace.Graph, "--json", "--quiet")).Json();

        Assert.True(optimized.GetProperty("committed").GetBoolean());
        Assert.Equal(head + 1, optimized.GetProperty("graph_manifest_version").GetInt64());
        var tables = optimized.GetProperty("tables").EnumerateArray().ToDictionary(static t => t.GetProperty("type_key").GetString()!);
        var person = tables["node:Person"];
        Assert.True(person.GetProperty("compacted").GetBoolean());
        Assert.Equal((6, 1, 7L), (person.GetProperty("fragments_removed").GetInt32(), person.GetProperty("fragments_added").GetInt32(), person.GetProperty("rows").GetInt64()));
        Assert.Equal("compact", tables["node:Company"].GetProperty("skipped").GetString());
        Assert.True(tables["edge:Knows"].GetProperty("compacted").GetBoolean());

        Assert.Equal(before, await AnswersAsync());
        Assert.Equal(earlier, await AnswersAsync(snapshot: "3"));
        var commit = (await CliRun.OkAsync("commit", "list", Workspace.Graph, "--json")).Json().GetProperty("commits")[0];
        Assert.Equal(optimized.GetProperty("commit_id").GetString(), commit.GetProperty("graph_commit_id").GetString());

        var again = (await CliRun.OkAsync("optimize", Workspace.Graph, "--json", "--quiet")).Json();
        Assert.False(again.GetProperty("committed").GetBoolean());
        Assert.Equal(head + 1, again.GetProperty("graph_manifest_version").GetInt64());

        // Writes go on from the compacted versions.
        await MutateAsync("""query q() { insert Person { name: "Zed", age: 50 } }""");
        Assert.Contains("Zed,50", (await CliRun.OkAsync("query", "--store", Workspace.Graph, "-e", s_queries[0], "--format", "csv")).Out, StringComparison.Ordinal);
        Assert.StartsWith("healthy", (await CliRun.OkAsync("recovery", "status", Workspace.Graph)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_ABranch_SkipsWhatItInherits()
    {
        await CliRun.OkAsync("branch", "create", Workspace.Graph, "feature", "--quiet");
        await MutateAsync("""query q() { insert Person { name: "Eve", age: 22 } }""");
        await CliRun.OkAsync("mutate", "--store", Workspace.Graph, "--branch", "feature", "-e", """query q() { insert Person { name: "Fay", age: 23 } }""");

        var optimized = (await CliRun.OkAsync("optimize", Workspace.Graph, "--branch", "feature", "--json", "--quiet")).Json();

        var tables = optimized.GetProperty("tables").EnumerateArray().ToDictionary(static t => t.GetProperty("type_key").GetString()!);
        Assert.Equal("inherited", tables["node:Company"].GetProperty("skipped").GetString());
        Assert.True(tables["node:Person"].GetProperty("compacted").GetBoolean());
        Assert.Equal("p.name\nAlice\nBob\nCharlie\nDiana\nFay\n", (await CliRun.OkAsync("query", "--store", Workspace.Graph, "--branch", "feature", "-e", """query q() { match { $p: Person } return { $p.name } order { $p.name asc } }""", "--format", "csv")).Out);
        Assert.StartsWith("error[branch_not_found]:", (await CliRun.RunAsync("optimize", Workspace.Graph, "--branch", "nope", "--quiet")).Error, StringComparison.Ordinal);
    }
}
