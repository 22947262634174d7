using OmniGraph.Cli.Tests.Support;
using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.TestWorker.Handshake;
using OmniGraph.TestWorker.Verbs;

namespace OmniGraph.Cli.Tests.Processes;

/// <summary>
/// The deterministic half of <see cref="KillDuringLoadTests"/>: a loading process held at each durable step of the commit
/// protocol is killed with SIGKILL there, and a read-only <c>omnigraph snapshot</c> reopens the graph. Before the recovery
/// sidecar is published the graph is the old one; from then on (the sidecar names only durable objects) the reopen rolls
/// the write forward. Either way the reopen leaves nothing behind in <c>recovery/</c>, and the killed writer left no
/// temporary file anywhere: a write's bytes waiting to be published have no name in the store.
/// </summary>
public sealed class KillAtCommitStepTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public static TheoryData<string, bool> Steps() => new()
    {
        { Failpoints.CommitStagedFlush.Name, false },
        { Failpoints.CommitSidecarWrite.Name, false },
        { Failpoints.CommitManifestPublish.Name, true },
        { Failpoints.CommitTableHeadAdvance.Name, true },
        { Failpoints.CommitSidecarDelete.Name, true },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Kill9_AtACommitStep_ReopenShowsOldOrNew_AndLeavesNoSidecarNorTemporaryFile(string step, bool published)
    {
        await _workspace.InitAndLoadAsync();
        var failpoint = Failpoints.All.Single(f => f.Name == step);
        // It overwrites Person, Knows and WorksAt, so no kept edge points at a person it drops.
        var data = LargeData.Write(_workspace, "k.jsonl", "k", persons: 500, edgesPerPerson: 2);
        File.AppendAllText(data, "{\"edge\":\"WorksAt\",\"from\":\"k0\",\"to\":\"Acme\",\"data\":{\"id\":\"kw0\"}}\n");
        using (var held = GraphWriteWorker.Start(_workspace.Graph, "held", GraphWriteJob.Load(data, GraphLoadMode.Overwrite), [failpoint], Path.Combine(_workspace.Root, "signals")))
        {
            await held.WaitPausedAsync(failpoint);
            await held.KillAsync();
        }

        var snapshot = (await CliRun.OkAsync("snapshot", _workspace.Graph, "--json")).Json();
        var persons = snapshot.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("type_name").GetString() == "Person").GetProperty("entity_count").GetInt64();
        Assert.Equal(published ? 500 : 4, persons);
        Assert.Equal(published ? 3 : 2, snapshot.GetProperty("graph_manifest_version").GetInt64());

        var recovery = Path.Combine(_workspace.Graph, "recovery");
        Assert.Empty(Directory.Exists(recovery) ? Directory.GetFiles(recovery) : []);
        Assert.Empty(Directory.GetFiles(_workspace.Graph, ".og-tmp-*", SearchOption.AllDirectories));
    }

    public void Dispose() => _workspace.Dispose();
}
