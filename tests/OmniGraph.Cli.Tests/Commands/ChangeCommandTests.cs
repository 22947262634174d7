using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.Commands;

/// <summary><c>diff</c>, <c>commit changes</c>, <c>changes poll</c> and <c>changes baseline</c>: JSON shapes, paging, cursors and typed errors.</summary>
public sealed class ChangeCommandTests : LoadedWorkspaceTests
{
    private const string InsertEve = """query q() { insert Person { name: "Eve", age: 22 } }""";
    private const string SetBob = """query q() { update Person set { age: 26 } where name = "Bob" }""";

    [Fact]
    public async Task Diff_And_CommitChanges_JsonShapes_AndAutoPaging()
    {
        await CliRun.OkAsync("branch", "create", Workspace.Graph, "feature", "--quiet");
        var eve = (await CliRun.OkAsync("mutate", "-e", InsertEve, "--store", Workspace.Graph, "--branch", "feature", "--json")).Json();
        var commit = eve.GetProperty("commit").GetProperty("graph_commit_id").GetString()!;

        var diff = (await CliRun.OkAsync("diff", Workspace.Graph, "main", "feature", "--json")).Json();
        Assert.Equal(["from_commit_id", "to_commit_id", "from_graph_manifest_version", "to_graph_manifest_version", "graph_branch", "changes", "stats"], CliResult.Names(diff));
        Assert.Equal("""[{"kind":"node","type_name":"Person","id":"Eve","op":"insert"}]""", CliResult.Compact(diff.GetProperty("changes")));
        Assert.Equal("""{"inserts":1,"updates":0,"deletes":0,"types_affected":1}""", CliResult.Compact(diff.GetProperty("stats")));

        var changes = (await CliRun.OkAsync("commit", "changes", Workspace.Graph, commit, "--json")).Json();
        Assert.Equal(["cause", "changes"], CliResult.Names(changes));
        Assert.Equal(
            """{"kind":"node","type":{"id":"1","name":"Person"},"id":"Eve","op":"insert","after":{"properties":{"name":"Eve","age":22}}}""",
            CliResult.Compact(changes.GetProperty("changes")[0]));

        // The load commit, one change per page: every page fetched, the same changes as one page.
        var load = (await CliRun.OkAsync("commit", "list", Workspace.Graph, "--json")).Json().GetProperty("commits")[0].GetProperty("graph_commit_id").GetString()!;
        var whole = (await CliRun.OkAsync("commit", "changes", Workspace.Graph, load, "--json")).Json();
        var paged = (await CliRun.OkAsync("commit", "changes", Workspace.Graph, load, "--limit", "1", "--json")).Json();
        Assert.Equal(11, whole.GetProperty("changes").GetArrayLength());
        Assert.Equal(CliResult.Compact(whole), CliResult.Compact(paged));
        var one = (await CliRun.OkAsync("commit", "changes", Workspace.Graph, load, "--limit", "1", "--kind", "edge", "--op", "insert", "--json")).Json();
        Assert.Equal(5, one.GetProperty("changes").GetArrayLength());

        var genesis = (await CliRun.OkAsync("commit", "list", Workspace.Graph, "--json")).Json().GetProperty("commits")[1].GetProperty("graph_commit_id").GetString()!;
        var refused = await CliRun.RunAsync("commit", "changes", Workspace.Graph, genesis);
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("error[parentless_commit]", refused.Error, StringComparison.Ordinal);
        var badKind = await CliRun.RunAsync("diff", Workspace.Graph, "main", "main", "--kind", "table");
        Assert.Equal(1, badKind.ExitCode);
        Assert.StartsWith("error[invalid_change_request]", badKind.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_AndBaseline_HandOverCursors()
    {
        var baselineFile = Path.Combine(Workspace.Root, "baseline.jsonl");
        var baseline = (await CliRun.OkAsync("changes", "baseline", Workspace.Graph, "--out", baselineFile, "--json")).Json();
        Assert.Equal(["baseline"], CliResult.Names(baseline));
        var lines = await File.ReadAllLinesAsync(baselineFile);
        Assert.Equal(12, lines.Length);
        Assert.Equal(CliResult.Compact(baseline), lines[^1]);
        var cursor = baseline.GetProperty("baseline").GetProperty("resume_cursor").GetString()!;

        await CliRun.OkAsync("mutate", "-e", InsertEve, "--store", Workspace.Graph);
        await CliRun.OkAsync("mutate", "-e", SetBob, "--store", Workspace.Graph);
        var poll = (await CliRun.OkAsync("changes", "poll", Workspace.Graph, "--cursor", cursor, "--limit", "1", "--json")).Json();
        Assert.Equal(["blocks", "cursor", "caught_up"], CliResult.Names(poll));
        Assert.Equal(2, poll.GetProperty("blocks").GetArrayLength());
        Assert.True(poll.GetProperty("caught_up").GetBoolean());
        var next = poll.GetProperty("cursor").GetString()!;
        var empty = (await CliRun.OkAsync("changes", "poll", Workspace.Graph, "--cursor", next, "--json")).Json();
        Assert.Equal(0, empty.GetProperty("blocks").GetArrayLength());

        var human = await CliRun.OkAsync("changes", "poll", Workspace.Graph, "--cursor", cursor);
        Assert.Contains("node  Person  Eve  insert", human.Out, StringComparison.Ordinal);
        Assert.Contains($"cursor: {next}", human.Out, StringComparison.Ordinal);

        var foreign = await CliRun.RunAsync("changes", "poll", Workspace.Graph, "--cursor", next, "--type", "Person");
        Assert.Equal(1, foreign.ExitCode);
        Assert.StartsWith("error[change_cursor_rejected]: change cursor rejected", foreign.Error, StringComparison.Ordinal);
        var both = await CliRun.RunAsync("changes", "poll", Workspace.Graph, "--cursor", next, "--start", "now");
        Assert.Equal(2, both.ExitCode);
    }
}
