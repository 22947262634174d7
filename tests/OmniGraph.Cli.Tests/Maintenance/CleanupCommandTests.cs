using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.Maintenance;

/// <summary>
/// <c>cleanup</c> on the loaded example graph after small writes and an optimize: the dry run changes nothing, the
/// confirmed run reclaims exactly the history outside the retention, every retained commit answers as before, reclaimed
/// history is <c>history_reclaimed</c>, and a branch's fork point survives (the branch reads and merges).
/// </summary>
public sealed class CleanupCommandTests : LoadedWorkspaceTests
{
    private const string People = """query q() { match { $p: Person } return { $p.name, $p.age } order { $p.name asc } }""";
    private const string Friends = """query q() { match { $a: Person  $a knows $b } return { $a.name, $b.name } order { $a.name asc, $b.name asc } }""";

    private async Task<string> AnswerAsync(string query, string? snapshot = null, string? branch = null)
    {
        List<string> args = ["query", "--store", Workspace.Graph, "-e", query, "--format", "csv"];
        if (snapshot is not null)
        {
            args.AddRange(["--snapshot", snapshot]);
        }

        if (branch is not null)
        {
            args.AddRange(["--branch", branch]);
        }

        return (await CliRun.OkAsync([.. args])).Out;
    }

    private Task<CliResult> MutateAsync(string source, string branch = "main") => CliRun.OkAsync("mutate", "--store", Workspace.Graph, "--branch", branch, "-e", source);

    private int ObjectCount() => Directory.EnumerateFiles(Workspace.Graph, "*", SearchOption.AllDirectories).Count();

    [Fact]
    public async Task Cleanup_DryRunThenConfirm_KeepsRetainedHistory_ReclaimedIsHistoryReclaimed()
    {
        var forkVersion = (await CliRun.OkAsync("snapshot", Workspace.Graph, "--json")).Json().GetProperty("graph_manifest_version").GetInt64();
        await CliRun.OkAsync("branch", "create", Workspace.Graph, "feature", "--quiet");
        for (var i = 0; i < 6; i++)
        {
            await MutateAsync($$"""query q() { insert Person { name: "P{{i}}", age: {{20 + i}} } }""");
        }

        await MutateAsync("""query q() { delete Person where name = "P1" }""");
        await MutateAsync("""query q() { insert Person { name: "Fay", age: 23 } }""", "feature");
        await CliRun.OkAsync("optimize", Workspace.Graph, "--quiet");
        var head = (await CliRun.OkAsync("snapshot", Workspace.Graph, "--json")).Json().GetProperty("graph_manifest_version").GetInt64();
        var commits = (await CliRun.OkAsync("commit", "list", Workspace.Graph, "--json")).Json().GetProperty("commits").EnumerateArray()
            .Select(static c => c.GetProperty("graph_commit_id").GetString()!).ToArray();
        var retained = new Dictionary<long, (string, string)>();
        for (var version = head - 2; version <= head; version++)
        {
            var snapshot = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            retained[version] = (await AnswerAsync(People, snapshot), await AnswerAsync(Friends, snapshot));
        }

        var feature = await AnswerAsync(People, branch: "feature");
        var objects = ObjectCount();

        var plan = (await CliRun.OkAsync("cleanup", Workspace.Graph, "--keep", "3", "--older-than", "0s", "--json", "--quiet")).Json();
        Assert.False(plan.GetProperty("confirmed").GetBoolean());
        Assert.True(plan.GetProperty("objects").GetInt32() > 0);
        Assert.Equal(objects, ObjectCount());

        var done = (await CliRun.OkAsync("cleanup", Workspace.Graph, "--keep", "3", "--older-than", "0s", "--confirm", "--json", "--quiet")).Json();
        Assert.True(done.GetProperty("confirmed").GetBoolean());
        Assert.Equal(plan.GetProperty("objects").GetInt32(), done.GetProperty("objects").GetInt32());
        Assert.True(done.GetProperty("bytes").GetInt64() > 0);
        Assert.True(ObjectCount() < objects, "the objects reported are gone");
        var main = done.GetProperty("branches").EnumerateArray().Single(static b => b.GetProperty("branch").GetString() == "main");

        // The fork point of feature is kept, so main keeps everything from it.
        Assert.Equal(forkVersion, main.GetProperty("keep_from").GetInt64());

        foreach (var (version, answers) in retained)
        {
            var snapshot = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(answers, (await AnswerAsync(People, snapshot), await AnswerAsync(Friends, snapshot)));
        }

        Assert.Equal(feature, await AnswerAsync(People, branch: "feature"));

        // Without the branch, main keeps only its newest three commits.
        await CliRun.OkAsync("branch", "merge", Workspace.Graph, "feature", "--into", "main", "--delete-branch", "--quiet");
        var merged = await AnswerAsync(People);
        var second = (await CliRun.OkAsync("cleanup", Workspace.Graph, "--keep", "3", "--older-than", "0s", "--confirm", "--json", "--quiet")).Json();
        var newHead = head + 1;
        Assert.Equal(newHead - 2, second.GetProperty("branches")[0].GetProperty("keep_from").GetInt64());
        Assert.Equal(merged, await AnswerAsync(People));
        Assert.Equal(retained[head], (await AnswerAsync(People, "" + head), await AnswerAsync(Friends, "" + head)));

        var reclaimedSnapshot = await CliRun.RunAsync("query", "--store", Workspace.Graph, "-e", People, "--snapshot", "2");
        Assert.StartsWith("error[history_reclaimed]:", reclaimedSnapshot.Error, StringComparison.Ordinal);
        var reclaimedCommit = await CliRun.RunAsync("commit", "show", Workspace.Graph, commits[^2]);
        Assert.StartsWith("error[history_reclaimed]:", reclaimedCommit.Error, StringComparison.Ordinal);
        Assert.StartsWith("healthy", (await CliRun.OkAsync("recovery", "status", Workspace.Graph)).Out, StringComparison.Ordinal);
        Assert.Equal(3, (await CliRun.OkAsync("commit", "list", Workspace.Graph, "--json")).Json().GetProperty("commits").GetArrayLength());

        var again = (await CliRun.OkAsync("cleanup", Workspace.Graph, "--keep", "3", "--older-than", "0s", "--confirm", "--json", "--quiet")).Json();
        Assert.Equal(0, again.GetProperty("objects").GetInt32());
        await MutateAsync("""query q() { insert Person { name: "Zed", age: 50 } }""");
        Assert.Contains("Zed,50", await AnswerAsync(People), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cleanup_YoungerThanTheCutoff_IsKept()
    {
        await MutateAsync("""query q() { insert Person { name: "Eve", age: 22 } }""");
        var done = (await CliRun.OkAsync("cleanup", Workspace.Graph, "--keep", "0", "--older-than", "7d", "--confirm", "--json", "--quiet")).Json();
        Assert.Equal(0, done.GetProperty("objects").GetInt32());
        Assert.Equal(1, done.GetProperty("branches")[0].GetProperty("keep_from").GetInt64());
    }

    [Theory]
    [InlineData("optimize")]
    [InlineData("cleanup")]
    [InlineData("schema")]
    [InlineData("repair")]
    public async Task Maintenance_WithServer_IsRefusedAsStorageNative(string command)
    {
        string[] args = command switch
        {
            "cleanup" => ["cleanup", Workspace.Graph, "--keep", "1", "--older-than", "0s", "--server", "http://127.0.0.1:1"],
            "repair" => ["repair", Workspace.Graph, "--confirm", "--server", "http://127.0.0.1:1"],
            "schema" => ["schema", "apply", Workspace.Graph, "--schema", "missing.pg", "--server", "http://127.0.0.1:1"],
            _ => ["optimize", Workspace.Graph, "--server", "http://127.0.0.1:1"],
        };
        var result = await CliRun.RunAsync(args);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error[maintenance_storage_native]:", result.Error, StringComparison.Ordinal);
        Assert.Contains("storage-native", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7", "--older-than")]
    [InlineData("1w", "--older-than")]
    [InlineData("-1s", "--older-than")]
    public async Task Cleanup_BadDuration_IsUsage(string duration, string flag)
    {
        var result = await CliRun.RunAsync("cleanup", Workspace.Graph, "--keep", "1", flag, duration, "--confirm");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error[usage]:", result.Error, StringComparison.Ordinal);
    }
}
