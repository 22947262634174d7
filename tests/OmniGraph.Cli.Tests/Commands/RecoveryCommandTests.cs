using System.Text;
using System.Text.Json.Nodes;
using OmniGraph.Cli.Tests.Support;
using OmniGraph.Testing.IO;

namespace OmniGraph.Cli.Tests.Commands;

/// <summary>
/// Issue 10 through the CLI: a lost newest manifest is reported, never served or written over (defect 1); a figure that
/// disagrees with its table version is not printed (defect 2); a lost <c>state/</c> directory is corruption, not a
/// retryable conflict (defect 5); a zeroed header is <c>corrupt_object</c> (defect 8); <c>recovery status</c> and
/// <c>recovery repair</c>.
/// </summary>
public sealed class RecoveryCommandTests : IAsyncLifetime
{
    private readonly CliWorkspace _workspace = new();
    private string _queries = null!;

    public async Task InitializeAsync()
    {
        _queries = _workspace.Write("m.gq", OmniGraph.Testing.Fixtures.AcceptanceFixtures.MutationQueries);
        await _workspace.InitAndLoadAsync();
        await CliRun.OkAsync("mutate", "insert_person", "--query", _queries, "--params", """{"name":"Zed","age":29}""", "--store", _workspace.Graph);
    }

    public Task DisposeAsync()
    {
        _workspace.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Status_OfAHealthyGraph_ExitsZero_AndListsNothing()
    {
        var text = await CliRun.OkAsync("recovery", "status", _workspace.Graph);
        Assert.StartsWith("healthy", text.Out, StringComparison.Ordinal);

        var json = (await CliRun.OkAsync("recovery", "status", _workspace.Graph, "--json")).Json();
        Assert.True(json.GetProperty("healthy").GetBoolean());
        var main = json.GetProperty("branches")[0];
        Assert.Equal("main", main.GetProperty("branch").GetString());
        Assert.Equal(3, main.GetProperty("head_version").GetInt64());
        Assert.Equal("healthy", main.GetProperty("condition").GetString());
        Assert.Equal(0, json.GetProperty("temporary_files").GetArrayLength());
        Assert.Equal(0, json.GetProperty("unreferenced_objects").GetArrayLength());
    }

    /// <summary>Defect 1: delete manifest version 3 (init, load, one insert).</summary>
    [Fact]
    public async Task LostNewestManifest_IsReported_NeverServedOrOverwritten_AndRepairPublishesItAgain()
    {
        var lost = NewestManifest();
        var commit = (await CliRun.OkAsync("commit", "list", _workspace.Graph, "--json")).Json().GetProperty("commits")[0].GetProperty("graph_commit_id").GetString()!;
        StoreFiles.Delete(_workspace.Graph, lost);

        foreach (var args in new[]
        {
            new[] { "snapshot", _workspace.Graph },
            ["export", _workspace.Graph],
            ["commit", "list", _workspace.Graph],
            ["mutate", "insert_person", "--query", _queries, "--params", """{"name":"Nina","age":40}""", "--store", _workspace.Graph],
        })
        {
            var refused = await CliRun.RunAsync(args);
            Assert.Equal(1, refused.ExitCode);
            Assert.StartsWith("error[corrupt_object]", refused.Error, StringComparison.Ordinal);
            Assert.Contains(lost, refused.Error, StringComparison.Ordinal);
            Assert.Contains("manifest version 3 of branch 'main' is missing", refused.Error, StringComparison.Ordinal);
        }

        Assert.False(StoreFiles.Exists(_workspace.Graph, lost));

        var status = await CliRun.RunAsync("recovery", "status", _workspace.Graph, "--json");
        Assert.Equal(1, status.ExitCode);
        var main = status.Json().GetProperty("branches")[0];
        Assert.Equal("unreadable", main.GetProperty("condition").GetString());
        Assert.Equal("missing_manifest", main.GetProperty("findings")[0].GetProperty("kind").GetString());

        var plan = await CliRun.OkAsync("recovery", "repair", _workspace.Graph);
        Assert.Contains("nothing changed; pass --confirm", plan.Out, StringComparison.Ordinal);
        Assert.Contains("republish_lost_versions on branch main: publish version 3 again", plan.Out, StringComparison.Ordinal);
        Assert.False(StoreFiles.Exists(_workspace.Graph, lost));

        var repaired = await CliRun.OkAsync("recovery", "repair", _workspace.Graph, "--confirm");
        Assert.Contains("healthy: every branch", repaired.Out, StringComparison.Ordinal);
        Assert.Contains("Zed", (await CliRun.OkAsync("export", _workspace.Graph)).Out, StringComparison.Ordinal);
        Assert.Equal(commit, (await CliRun.OkAsync("commit", "show", _workspace.Graph, commit, "--json")).Json().GetProperty("graph_commit_id").GetString());
        await CliRun.OkAsync("mutate", "insert_person", "--query", _queries, "--params", """{"name":"Nina","age":40}""", "--store", _workspace.Graph);
        Assert.Equal(4, (await CliRun.OkAsync("snapshot", _workspace.Graph, "--json")).Json().GetProperty("graph_manifest_version").GetInt64());
    }

    /// <summary>Defect 2: a row count edited in the newest manifest. The store's checksum catches the edit; written as a store without checksums would hold it, the engine's figure check does.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EditedRowCount_IsNeverPrinted(bool keepTheChecksum)
    {
        var key = NewestManifest();
        var path = StoreFiles.PathOf(_workspace.Graph, key);
        var bytes = File.ReadAllBytes(path);
        var manifest = JsonNode.Parse(bytes.AsSpan(64))!;
        var person = manifest["tables"]!.AsArray().Single(static t => (string)t!["table"]! == "node:Person")!;
        person["rows"] = (long)person["rows"]! + 1;
        var header = keepTheChecksum
            ? bytes[..64]
            : Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(bytes, 0, 43).PadRight(63) + "\n");
        File.WriteAllBytes(path, [.. header, .. Encoding.UTF8.GetBytes(manifest.ToJsonString())]);

        var snapshot = await CliRun.RunAsync("snapshot", _workspace.Graph);
        Assert.Equal(1, snapshot.ExitCode);
        Assert.StartsWith("error[corrupt_object]", snapshot.Error, StringComparison.Ordinal);
        Assert.Contains(keepTheChecksum ? "checksum does not match" : "has 5 rows but the reference says 6", snapshot.Error, StringComparison.Ordinal);
        var load = await CliRun.RunAsync("load", _workspace.Graph, "--data", _workspace.Write("c.jsonl", """{"type": "Company", "data": {"name": "Initech"}}""" + "\n"), "--mode", "append", "--quiet");
        Assert.StartsWith("error[corrupt_object]", load.Error, StringComparison.Ordinal);
    }

    /// <summary>Defect 5: the whole state/ directory lost.</summary>
    [Fact]
    public async Task LostStateDirectory_IsCorruptionNotAConflict_AndRepairRebuildsIt()
    {
        Directory.Delete(Path.Combine(_workspace.Graph, "state"), recursive: true);
        Assert.Contains("Zed", (await CliRun.OkAsync("export", _workspace.Graph)).Out, StringComparison.Ordinal);

        var refused = await CliRun.RunAsync("mutate", "insert_person", "--query", _queries, "--params", """{"name":"Nina","age":40}""", "--store", _workspace.Graph);
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("error[corrupt_object]: stored object 'state/head-tablebranch/", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("found none", refused.Error, StringComparison.Ordinal);

        var repaired = await CliRun.OkAsync("recovery", "repair", _workspace.Graph, "--confirm");
        Assert.Contains("rebuild_head_records", repaired.Out, StringComparison.Ordinal);
        await CliRun.OkAsync("mutate", "insert_person", "--query", _queries, "--params", """{"name":"Nina","age":40}""", "--store", _workspace.Graph);
    }

    /// <summary>Defect 8: a zeroed manifest header.</summary>
    [Fact]
    public async Task ZeroedManifestHeader_IsCorruptObject_NotStoreUnavailable()
    {
        var path = StoreFiles.PathOf(_workspace.Graph, NewestManifest());
        var bytes = File.ReadAllBytes(path);
        Array.Clear(bytes, 0, 64);
        File.WriteAllBytes(path, bytes);

        var snapshot = await CliRun.RunAsync("snapshot", _workspace.Graph);
        Assert.StartsWith("error[corrupt_object]", snapshot.Error, StringComparison.Ordinal);
        Assert.Contains("header", snapshot.Error, StringComparison.Ordinal);
    }

    /// <summary>Defect 8: what a crashed write leaves (a temporary file, a staged fragment) is listed; it does not make the graph unhealthy.</summary>
    [Fact]
    public async Task Status_ListsTemporaryFilesAndUnreferencedObjects()
    {
        var manifests = Path.GetDirectoryName(StoreFiles.PathOf(_workspace.Graph, NewestManifest()))!;
        var temporary = Path.Combine(manifests, ".og-tmp-" + Ulid.NewUlid());
        File.WriteAllText(temporary, "half a manifest");
        var staged = StoreFiles.Keys(_workspace.Graph, "tables/").First(static k => k.Contains("/fragments/", StringComparison.Ordinal));
        var orphan = staged[..(staged.LastIndexOf('/') + 1)] + Ulid.NewUlid() + ".arrow";
        File.Copy(StoreFiles.PathOf(_workspace.Graph, staged), StoreFiles.PathOf(_workspace.Graph, orphan));

        var json = (await CliRun.OkAsync("recovery", "status", _workspace.Graph, "--json")).Json();
        Assert.True(json.GetProperty("healthy").GetBoolean());
        Assert.Equal(Path.GetRelativePath(_workspace.Graph, temporary), json.GetProperty("temporary_files")[0].GetProperty("path").GetString());
        Assert.Equal(orphan, Assert.Single(json.GetProperty("unreferenced_objects").EnumerateArray()).GetString());
        var text = (await CliRun.OkAsync("recovery", "status", _workspace.Graph)).Out;
        Assert.Contains("temporary files left by crashed writes: 1", text, StringComparison.Ordinal);
        Assert.Contains(orphan, text, StringComparison.Ordinal);
    }

    private string NewestManifest() => StoreFiles.Keys(_workspace.Graph, "manifests/")[^1];
}
