using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Maintenance;

/// <summary>
/// Cleanup stopped at each of its steps (every failpoint, each delete phase, fail before and crash after): a fresh silo
/// on the same directory reads every retained version exactly as before, the graph examines healthy (nothing dangling),
/// and running cleanup again finishes it: the reclaimed versions are <c>history_reclaimed</c>, nothing is unreferenced.
/// </summary>
public sealed class CleanupFailpointTests
{
    public static TheoryData<Failpoint, string?, FailpointAction> Steps()
    {
        var data = new TheoryData<Failpoint, string?, FailpointAction>();
        foreach (var action in new[] { FailpointAction.FailBefore, FailpointAction.CrashAfter })
        {
            data.Add(Failpoints.CleanupJournalWrite, null, action);
            data.Add(Failpoints.CleanupFloorsRecord, null, action);
            foreach (var phase in new[] { "commit_pointers", "manifests", "table_versions", "data_objects" })
            {
                data.Add(Failpoints.CleanupDelete, phase, action);
            }

            data.Add(Failpoints.CleanupComplete, null, action);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task CleanupStopped_ReadsTheSame_AndRunningItAgainFinishes(Failpoint point, string? scope, FailpointAction action)
    {
        using var directory = new TempDirectory();
        var first = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        string[] names = ["Alice", "Bob", "Carol", "Dan", "Eve"];
        foreach (var name in names)
        {
            await first.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(name)));
        }

        await first.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice", "Bob")));
        var head = (await first.HeadAsync()).ManifestVersion;
        var retained = new Dictionary<long, List<string?>>();
        for (var version = head - 1; version <= head; version++)
        {
            retained[version] = await first.ColumnAsync("node:Person", "id", await first.Manifest.ResolveSnapshotAsync(SnapshotTarget.AtVersion(BranchNames.Main, version)));
        }

        var contents = await first.ContentsAsync();
        first.Failpoints.Arm(point, action, scope: scope);
        await Assert.ThrowsAnyAsync<Exception>(() => first.Client.CleanupAsync(new CleanupRequest(2, 0, Confirm: true)));
        first.Failpoints.DisarmAll();
        await first.KillAsync();

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        await AssertReadsTheSameAsync(fresh, retained, contents);
        Assert.True((await fresh.Manifest.ExamineAsync()).IsHealthy);

        await fresh.Client.CleanupAsync(new CleanupRequest(2, 0, Confirm: true));
        await AssertReadsTheSameAsync(fresh, retained, contents);
        var examination = await fresh.Manifest.ExamineAsync();
        Assert.True(examination.IsHealthy);
        Assert.Empty(examination.UnreferencedObjects);
        await ErrorAssert.ThrowsAsync(ErrorCodes.HistoryReclaimed, () => fresh.Manifest.ResolveSnapshotAsync(SnapshotTarget.AtVersion(BranchNames.Main, 2)));
        Assert.Equal(0, (await fresh.Client.CleanupAsync(new CleanupRequest(2, 0, Confirm: true))).Objects);
        await fresh.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Zed")));
        Assert.Contains("Zed", await fresh.IdsAsync("node:Person"));
    }

    [Fact]
    public async Task Cleanup_RefusesWhileASidecarIsPending_AndDeletesNothing()
    {
        using var directory = new TempDirectory();
        await using var host = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Bob")));
        host.Failpoints.Arm(Failpoints.CommitManifestPublish, FailpointAction.FailBefore);
        await Assert.ThrowsAnyAsync<Exception>(() => host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Carol"))));
        host.Failpoints.DisarmAll();
        Assert.NotEmpty(await host.SidecarsAsync());
        var before = Directory.EnumerateFiles(directory.Path, "*", SearchOption.AllDirectories).Where(static f => !f.Contains(".og-lock", StringComparison.Ordinal)).Order().ToArray();

        await ErrorAssert.ThrowsAsync(ErrorCodes.CleanupSidecarsPending, () => host.Client.CleanupAsync(new CleanupRequest(0, 0, Confirm: true)));

        Assert.Equal(before, Directory.EnumerateFiles(directory.Path, "*", SearchOption.AllDirectories).Where(static f => !f.Contains(".og-lock", StringComparison.Ordinal)).Order().ToArray());
    }

    private static async Task AssertReadsTheSameAsync(GraphHost host, Dictionary<long, List<string?>> retained, string contents)
    {
        Assert.Equal(contents, await host.ContentsAsync());
        foreach (var (version, ids) in retained)
        {
            Assert.Equal(ids, await host.ColumnAsync("node:Person", "id", await host.Manifest.ResolveSnapshotAsync(SnapshotTarget.AtVersion(BranchNames.Main, version))));
        }
    }
}
