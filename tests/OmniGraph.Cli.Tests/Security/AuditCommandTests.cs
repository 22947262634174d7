using OmniGraph.Cli.Tests.Support;
using OmniGraph.Security;
using OmniGraph.Storage;
using OmniGraph.Testing.IO;

namespace OmniGraph.Cli.Tests.Security;

/// <summary><c>omnigraph audit verify|list</c> on a real graph directory, in process with buffers.</summary>
public sealed class AuditCommandTests : IAsyncLifetime
{
    private readonly CliWorkspace _workspace = new();

    public async Task InitializeAsync()
    {
        await CliRun.OkAsync("init", "--schema", _workspace.SchemaFile, _workspace.Graph);
        var log = new AuditLog(new LocalDirectoryObjectStore(_workspace.Graph));
        await log.AppendAsync(new AuditRecord("act-bruno", PolicyAction.Change, "g", "feature", "01JABCDEFGHJKMNPQRSTVWXYZ0", AuditDecisionKind.Allow, "team-change"));
        await log.AppendAsync(new AuditRecord("act-bruno", PolicyAction.Change, "g", "main", null, AuditDecisionKind.Deny, null));
        await log.AppendAsync(new AuditRecord("act-ragnor", PolicyAction.BranchMerge, "g", "main", "01JABCDEFGHJKMNPQRSTVWXYZ1", AuditDecisionKind.Allow, "admins-merge"));
    }

    public Task DisposeAsync()
    {
        _workspace.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Verify_OfAnIntactLog_ExitsZero()
    {
        var text = await CliRun.OkAsync("audit", "verify", _workspace.Graph);
        Assert.StartsWith("intact: 3 entries, head 3 hash ", text.Out, StringComparison.Ordinal);

        var json = (await CliRun.OkAsync("audit", "verify", "--store", _workspace.Graph, "--json")).Json();
        Assert.Equal(["uri", "intact", "entries", "head_seq", "head_hash", ], CliResult.Names(json));
        Assert.True(json.GetProperty("intact").GetBoolean());
        Assert.Equal(64, json.GetProperty("head_hash").GetString()!.Length);
    }

    [Fact]
    public async Task Verify_OfATamperedLog_ExitsOneNamingTheFirstBadEntry()
    {
        var before = _workspace.GraphFiles();
        StoreFiles.Delete(_workspace.Graph, AuditKeys.Entry(2));

        var result = await CliRun.RunAsync("audit", "verify", _workspace.Graph);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("broken at entry 2 (removed): entry 2 is missing\n", result.Out, StringComparison.Ordinal);
        var json = await CliRun.RunAsync("audit", "verify", _workspace.Graph, "--json");
        Assert.Equal(1, json.ExitCode);
        var problem = json.Json().GetProperty("problem");
        Assert.Equal(2, problem.GetProperty("seq").GetInt64());
        Assert.Equal("removed", problem.GetProperty("kind").GetString());
        Assert.Equal(before.Count - 1, _workspace.GraphFiles().Count);
    }

    [Fact]
    public async Task List_PrintsEveryEntry()
    {
        var text = await CliRun.OkAsync("audit", "list", _workspace.Graph);
        var lines = text.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("SEQ", lines[0], StringComparison.Ordinal);
        Assert.Contains("deny", lines[2], StringComparison.Ordinal);

        var json = (await CliRun.OkAsync("audit", "list", _workspace.Graph, "--json")).Json();
        var entries = json.GetProperty("entries");
        Assert.Equal(3, entries.GetArrayLength());
        Assert.Equal(["seq", "time", "actor", "action", "graph", "branch", "commit", "decision", "rule", "prev_hash", "hash", "format"], CliResult.Names(entries[0]));
        Assert.Equal(2, entries[0].GetProperty("format").GetInt32());
        Assert.Equal(entries[0].GetProperty("hash").GetString(), entries[1].GetProperty("prev_hash").GetString());
        Assert.Equal("branch_merge", entries[2].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Commands_OnAGraphWithoutAuditLog_ReportNothingToCheck()
    {
        var empty = Path.Combine(_workspace.Root, "other");
        await CliRun.OkAsync("init", "--schema", _workspace.SchemaFile, empty);

        Assert.StartsWith("intact: 0 entries", (await CliRun.OkAsync("audit", "verify", empty)).Out, StringComparison.Ordinal);
        Assert.Equal("no audit entries\n", (await CliRun.OkAsync("audit", "list", empty)).Out);
    }

    [Fact]
    public async Task Commands_OnADirectoryWithoutGraph_AreGraphNotInitialized_AndCreateNothing()
    {
        var missing = Path.Combine(_workspace.Root, "missing");

        foreach (var verb in new[] { "verify", "list" })
        {
            var result = await CliRun.RunAsync("audit", verb, missing);
            Assert.Equal(1, result.ExitCode);
            Assert.StartsWith("error[graph_not_initialized]", result.Error, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(missing));
        var plain = Directory.CreateDirectory(Path.Combine(_workspace.Root, "plain")).FullName;
        Assert.StartsWith("error[graph_not_initialized]", (await CliRun.RunAsync("audit", "list", plain)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_OfAnUnreadableEntry_IsAuditEntryCorrupt()
    {
        var file = StoreFiles.PathOf(_workspace.Graph, AuditKeys.Entry(3));
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^5] ^= 0x40;
        await File.WriteAllBytesAsync(file, bytes);

        var result = await CliRun.RunAsync("audit", "list", _workspace.Graph);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error[audit_entry_corrupt]", result.Error, StringComparison.Ordinal);
        Assert.Equal("unreadable", (await CliRun.RunAsync("audit", "verify", _workspace.Graph, "--json")).Json().GetProperty("problem").GetProperty("kind").GetString());
    }
}
