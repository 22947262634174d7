using OmniGraph.Cli.Tests.Support;
using OmniGraph.Testing.IO;

namespace OmniGraph.Cli.Tests.Maintenance;

/// <summary>
/// <c>omnigraph repair</c> on the loaded example graph: a healthy graph has no drift; an added object is an orphan that
/// the default grace period keeps and <c>--confirm --grace 0s</c> deletes; a deleted fragment is missing table data:
/// reported with the commits that need it, <c>repair_data_lost</c> and exit 1, never replaced.
/// </summary>
public sealed class RepairCommandTests : LoadedWorkspaceTests
{
    private const string People = """query q() { match { $p: Person } return { $p.name, $p.age } order { $p.name asc } }""";

    private string[] Fragments() =>
        [.. StoreFiles.Keys(Workspace.Graph, "tables/").Where(static k => k.Contains("/fragments/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Repair_OfAHealthyGraph_FindsNoDrift()
    {
        var text = await CliRun.OkAsync("repair", Workspace.Graph);
        Assert.StartsWith("checked ", text.Out, StringComparison.Ordinal);
        Assert.Contains("0 missing, 0 orphaned, 0 corrupt", text.Out, StringComparison.Ordinal);

        var json = (await CliRun.OkAsync("repair", Workspace.Graph, "--json", "--quiet")).Json();
        Assert.False(json.GetProperty("confirmed").GetBoolean());
        Assert.False(json.GetProperty("data_lost").GetBoolean());
        Assert.Equal(0, json.GetProperty("tables").GetArrayLength());
        Assert.Equal(StoreFiles.Keys(Workspace.Graph, "tables/").Count, json.GetProperty("objects_checked").GetInt32());
    }

    [Fact]
    public async Task AddedObject_IsAnOrphan_KeptWithinTheGrace_DeletedWhenConfirmed()
    {
        var answer = (await CliRun.OkAsync("query", "--store", Workspace.Graph, "-e", People, "--format", "csv")).Out;
        var source = Fragments()[0];
        var orphan = $"{source[..source.LastIndexOf('/')]}/{Ulid.NewUlid()}.arrow";
        File.Copy(StoreFiles.PathOf(Workspace.Graph, source), StoreFiles.PathOf(Workspace.Graph, orphan));

        var plan = (await CliRun.OkAsync("repair", Workspace.Graph, "--grace", "0s", "--json", "--quiet")).Json();
        var drift = plan.GetProperty("tables")[0].GetProperty("objects")[0];
        Assert.Equal(("orphaned", orphan, "fragment", "would_delete"), (drift.GetProperty("kind").GetString(), drift.GetProperty("key").GetString(), drift.GetProperty("object_kind").GetString(), drift.GetProperty("fix").GetString()));

        var young = (await CliRun.OkAsync("repair", Workspace.Graph, "--confirm", "--json", "--quiet")).Json();
        Assert.Equal("within_grace", young.GetProperty("tables")[0].GetProperty("objects")[0].GetProperty("fix").GetString());
        Assert.True(StoreFiles.Exists(Workspace.Graph, orphan));

        var done = await CliRun.OkAsync("repair", Workspace.Graph, "--confirm", "--grace", "0s");
        Assert.Contains("deleted 1 orphaned objects", done.Out, StringComparison.Ordinal);
        Assert.False(StoreFiles.Exists(Workspace.Graph, orphan));
        Assert.Equal(answer, (await CliRun.OkAsync("query", "--store", Workspace.Graph, "-e", People, "--format", "csv")).Out);
        Assert.Contains("0 missing, 0 orphaned, 0 corrupt", (await CliRun.OkAsync("repair", Workspace.Graph)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedFragment_IsMissingData_ReportedWithItsCommits_Exit1()
    {
        var lost = Fragments()[0];
        StoreFiles.Delete(Workspace.Graph, lost);

        var result = await CliRun.RunAsync("repair", Workspace.Graph, "--confirm", "--json", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error[repair_data_lost]:", result.Error, StringComparison.Ordinal);
        var json = result.Json();
        Assert.True(json.GetProperty("data_lost").GetBoolean());
        Assert.Equal(1, json.GetProperty("missing").GetInt32());
        var drift = json.GetProperty("tables")[0].GetProperty("objects")[0];
        Assert.Equal(("missing", lost, "unrecoverable"), (drift.GetProperty("kind").GetString(), drift.GetProperty("key").GetString(), drift.GetProperty("fix").GetString()));
        var need = drift.GetProperty("needed_by")[0];
        Assert.Equal("main", need.GetProperty("branch").GetString());
        Assert.True(need.GetProperty("head").GetBoolean());
        Assert.True(need.GetProperty("commit_ids").GetArrayLength() >= 1);
        Assert.False(StoreFiles.Exists(Workspace.Graph, lost));

        var text = await CliRun.RunAsync("repair", Workspace.Graph);
        Assert.Equal(1, text.ExitCode);
        Assert.Contains($"missing fragment {lost}", text.Out, StringComparison.Ordinal);
        Assert.Contains("needed by main versions", text.Out, StringComparison.Ordinal);
    }
}
