using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.Schema;

/// <summary>
/// Adding required properties with <c>@default</c> to the loaded example graph (docs/schema-language.md, docs/maintenance.md):
/// the apply writes the default into every existing row (ids kept), queries and export show it, a load in every mode and
/// an insert that leave the property out store it, an explicit null is still refused, commits before the apply keep the
/// old schema, and a branch forked afterwards has it too.
/// </summary>
public sealed class SchemaDefaultTests : LoadedWorkspaceTests
{
    private const string Scores = """query q() { match { $p: Person } return { $p.name, $p.tier, $p.score } order { $p.name asc } }""";

    private static readonly string s_withDefaults = CliWorkspace.Schema
        .Replace("    age: I32?\n", "    age: I32?\n    tier: enum(basic, gold) @default(basic)\n    score: I32 @default(10)\n    tags: [String] @default([\"new\", \"x\"])\n", StringComparison.Ordinal)
        .Replace("    since: Date?\n", "    since: Date?\n    weight: F64 @default(1.5)\n", StringComparison.Ordinal);

    private Task<CliResult> ApplyAsync() =>
        CliRun.OkAsync("schema", "apply", Workspace.Graph, "--schema", Workspace.Write("defaults.pg", s_withDefaults), "--quiet", "--json");

    private async Task<string> CsvAsync(string query, params string[] extra) =>
        (await CliRun.OkAsync(["query", "--store", Workspace.Graph, "-e", query, "--format", "csv", .. extra])).Out;

    private Task<CliResult> LoadAsync(string mode, string lines, params string[] extra) =>
        CliRun.RunAsync(["load", Workspace.Graph, "--data", Workspace.Write($"{mode}-{Guid.NewGuid():N}.jsonl", lines + "\n"), "--mode", mode, "--quiet", .. extra]);

    [Fact]
    public async Task ExistingRowsReadTheDefault_IdsKept_AndEarlierCommitsKeepTheOldSchema()
    {
        var ids = (await CliRun.OkAsync("export", Workspace.Graph, "--type", "Knows")).Out;

        var applied = (await ApplyAsync()).Json();

        Assert.True(applied.GetProperty("applied").GetBoolean());
        Assert.Equal(
            ["add_property:tier", "add_property:score", "add_property:tags", "add_property:weight"],
            applied.GetProperty("steps").EnumerateArray().Select(static s => $"{s.GetProperty("kind").GetString()}:{s.GetProperty("property").GetString()}"));
        Assert.Equal("p.name,p.tier,p.score\nAlice,basic,10\nBob,basic,10\nCharlie,basic,10\nDiana,basic,10\n", await CsvAsync(Scores));
        Assert.Equal(
            "a.name,b.name,k.weight\nAlice,Bob,1.5\nAlice,Charlie,1.5\nBob,Diana,1.5\n",
            await CsvAsync("""query q() { match { $a: Person  $a $k:knows $b } return { $a.name, $b.name, $k.weight } order { $b.name asc } }"""));
        var exported = (await CliRun.OkAsync("export", Workspace.Graph, "--type", "Person")).Out;
        Assert.Contains("\"name\":\"Alice\"", exported, StringComparison.Ordinal);
        Assert.Contains("\"tags\":[\"new\",\"x\"]", exported, StringComparison.Ordinal);

        // The edge rows kept their ids; before the apply the property does not exist and the old rows read as they were.
        var knows = (await CliRun.OkAsync("export", Workspace.Graph, "--type", "Knows")).Out;
        Assert.Equal(IdsOf(ids), IdsOf(knows));

        // The apply wrote the values into the rows: optimize has nothing to fill in and changes no answer.
        await CliRun.OkAsync("optimize", Workspace.Graph, "--quiet");
        Assert.Equal("p.name,p.tier,p.score\nAlice,basic,10\nBob,basic,10\nCharlie,basic,10\nDiana,basic,10\n", await CsvAsync(Scores));
        Assert.Equal("p.name,p.age\nAlice,30\nBob,25\nCharlie,35\nDiana,28\n", await CsvAsync("""query q() { match { $p: Person } return { $p.name, $p.age } order { $p.name asc } }""", "--snapshot", "2"));
        var old = await CliRun.RunAsync("query", "--store", Workspace.Graph, "-e", Scores, "--snapshot", "2");
        Assert.NotEqual(0, old.ExitCode);
        Assert.Contains("T6", old.Error, StringComparison.Ordinal);
        Assert.Contains("tier", old.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadsAndInsertsThatOmitThePropertyStoreTheDefault_AnExplicitNullIsRefused()
    {
        await ApplyAsync();

        await CliRun.OkAsync("mutate", "--store", Workspace.Graph, "-e", """query q() { insert Person { name: "Eve" } }""");
        Assert.Equal(0, (await LoadAsync("append", """{"type": "Person", "data": {"name": "Frank", "score": 3}}""")).ExitCode);
        Assert.Equal(0, (await LoadAsync("merge", """{"type": "Person", "data": {"name": "Gina", "tier": "gold"}}""")).ExitCode);
        Assert.Equal(0, (await LoadAsync("overwrite", """{"edge": "Knows", "from": "Eve", "to": "Frank"}""")).ExitCode);

        Assert.Equal(
            "p.name,p.tier,p.score\nAlice,basic,10\nBob,basic,10\nCharlie,basic,10\nDiana,basic,10\nEve,basic,10\nFrank,basic,3\nGina,gold,10\n",
            await CsvAsync(Scores));
        Assert.Equal("k.weight\n1.5\n", await CsvAsync("""query q() { match { $a: Person  $a $k:knows $b } return { $k.weight } }"""));

        var refused = await LoadAsync("append", """{"type": "Person", "data": {"name": "Hal", "score": null}}""");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("non-nullable property 'score'", refused.Error, StringComparison.Ordinal);
        var insertNull = await CliRun.RunAsync("mutate", "--store", Workspace.Graph, "-e", """query q($s: I32?) { insert Person { name: "Hal", score: $s } }""");
        Assert.NotEqual(0, insertNull.ExitCode);
        Assert.DoesNotContain("Hal", await CsvAsync(Scores), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABranchForkedAfterTheApplyFillsTheDefaultToo()
    {
        await ApplyAsync();
        await CliRun.OkAsync("branch", "create", Workspace.Graph, "feature", "--quiet");

        await CliRun.OkAsync("mutate", "--store", Workspace.Graph, "--branch", "feature", "-e", """query q() { insert Person { name: "Ivy", score: 1 } }""");
        Assert.Equal(0, (await LoadAsync("merge", """{"type": "Person", "data": {"name": "Jon"}}""", "--branch", "feature")).ExitCode);

        Assert.Equal(
            "p.name,p.tier,p.score\nAlice,basic,10\nBob,basic,10\nCharlie,basic,10\nDiana,basic,10\nIvy,basic,1\nJon,basic,10\n",
            await CsvAsync(Scores, "--branch", "feature"));
    }

    private static string[] IdsOf(string export) =>
        [.. export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static line => line[line.IndexOf("\"id\":", StringComparison.Ordinal)..].Split(',')[0]).Order(StringComparer.Ordinal)];
}
