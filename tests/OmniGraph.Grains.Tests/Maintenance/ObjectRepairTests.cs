using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Maintenance;

/// <summary>
/// <c>omnigraph repair</c>: objects deleted, corrupted and added are classified as missing, corrupt and orphaned, per
/// table, with the commits that need each lost one; a confirmed repair deletes only verified orphans (never a young one,
/// never one a retained version or a pending write could name), rebuilds derived head records, and invents no data.
/// </summary>
public sealed class ObjectRepairTests
{
    private static readonly ObjectRepairRequest s_classify = new(Confirm: false, GraceMicros: 0);
    private static readonly ObjectRepairRequest s_confirm = new(Confirm: true, GraceMicros: 0);

    [Fact]
    public async Task HealthyGraph_HasNoDrift_AndEveryReferencedObjectIsChecked()
    {
        using var directory = new TempDirectory();
        await using var host = await ThreePersonsAsync(directory.Path);

        var report = await host.Client.RepairObjectsAsync(s_confirm);

        Assert.Empty(report.Tables);
        Assert.False(report.DataLost);
        Assert.Empty(report.DerivedRebuilt);
        Assert.Equal(0, report.OrphansDeleted);

        // Three Person versions (each with its fragment, the last two also the fragments before them) and the empty tables' none.
        Assert.Equal(StoreFiles.Keys(directory.Path, GraphObjectKeys.TablesPrefix).Count, report.ObjectsChecked);
    }

    [Fact]
    public async Task AddedObjectsAndAFailedWritesLeftovers_AreOrphans_DeletedOnlyWhenConfirmedAndOlderThanTheGrace()
    {
        using var directory = new TempDirectory();
        await using var host = await ThreePersonsAsync(directory.Path);
        var contents = await host.ContentsAsync();
        var added = $"{DirectoryOfPerson(directory.Path)}/fragments/{Ulid.NewUlid()}.arrow";
        await host.Store.PutAsync(added, new byte[] { 1, 2, 3 }, WriteCondition.IfNotExists);
        var stray = $"{DirectoryOfPerson(directory.Path)}/notes.txt";
        await host.Store.PutAsync(stray, new byte[] { 4 }, WriteCondition.IfNotExists);
        host.Failpoints.Arm(Failpoints.CommitSidecarWrite, FailpointAction.FailBefore);
        await Assert.ThrowsAnyAsync<Exception>(() => host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Zoe"))));
        host.Failpoints.DisarmAll();
        var unreferenced = (await host.Manifest.ExamineAsync()).UnreferencedObjects;
        Assert.Contains(added, unreferenced);
        Assert.True(unreferenced.Length >= 3, string.Join(", ", unreferenced)); // the added fragment, the stray file, the failed write's fragment and table version

        var young = await host.Client.RepairObjectsAsync(new ObjectRepairRequest(Confirm: true, GraceMicros: (long)TimeSpan.FromDays(1).TotalMicroseconds));
        Assert.Equal(0, young.OrphansDeleted);
        Assert.All(Orphans(young).Where(o => o.Key != stray), static o => Assert.Equal(ObjectDriftFix.WithinGrace, o.Fix));

        var plan = await host.Client.RepairObjectsAsync(s_classify);
        Assert.False(plan.Confirmed);
        Assert.Equal(unreferenced.Order(StringComparer.Ordinal), Orphans(plan).Select(static o => o.Key).Order(StringComparer.Ordinal));
        Assert.Equal("node:Person", Assert.Single(plan.Tables).Table);
        Assert.Equal(ObjectDriftFix.Held, Orphans(plan).Single(o => o.Key == stray).Fix);
        Assert.All(Orphans(plan).Where(o => o.Key != stray), static o => Assert.Equal(ObjectDriftFix.WouldDelete, o.Fix));
        Assert.Contains(Orphans(plan), static o => o.ObjectKind == "table_version");
        Assert.True(StoreFiles.Exists(directory.Path, added));

        var done = await host.Client.RepairObjectsAsync(s_confirm);
        Assert.Equal(unreferenced.Length - 1, done.OrphansDeleted);
        Assert.True(done.BytesReclaimed > 0);
        Assert.False(StoreFiles.Exists(directory.Path, added));
        Assert.True(StoreFiles.Exists(directory.Path, stray));
        Assert.Equal(stray, Assert.Single((await host.Manifest.ExamineAsync()).UnreferencedObjects));
        Assert.Equal(contents, await host.ContentsAsync());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Zed")));
        Assert.Contains("Zed", await host.IdsAsync("node:Person"));
    }

    [Fact]
    public async Task DeletedFragment_IsMissing_WithEveryCommitThatNeedsIt_AndNothingIsInvented()
    {
        using var directory = new TempDirectory();
        var host = await ThreePersonsAsync(directory.Path);
        var commits = await CommitIdsAsync(host);
        var fragments = FragmentsOfPerson(directory.Path);
        await host.KillAsync();
        var first = fragments[0]; // Alice's: every version from the first write on names it
        StoreFiles.Delete(directory.Path, first);

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        var report = await fresh.Client.RepairObjectsAsync(s_confirm);

        Assert.True(report.DataLost);
        Assert.Equal(1, report.Missing);
        var drift = Assert.Single(Assert.Single(report.Tables).Objects);
        Assert.Equal((ObjectDriftKind.Missing, first, "fragment", ObjectDriftFix.Unrecoverable), (drift.Kind, drift.Key, drift.ObjectKind, drift.Fix));
        var need = Assert.Single(drift.NeededBy);
        Assert.Equal((BranchNames.Main, 2L, 4L, true), (need.Branch, need.FromVersion, need.ToVersion, need.Head));
        Assert.Equal(commits[1..], need.CommitIds);
        Assert.False(StoreFiles.Exists(directory.Path, first));
        Assert.Equal(0, report.OrphansDeleted);
    }

    [Fact]
    public async Task CorruptObjects_ByChecksumAndByDecode_AreCorrupt_AndHoldTheirTablesOrphans()
    {
        using var directory = new TempDirectory();
        var host = await ThreePersonsAsync(directory.Path);
        var fragments = FragmentsOfPerson(directory.Path);
        var versions = StoreFiles.Keys(directory.Path, DirectoryOfPerson(directory.Path) + "/versions/");
        await host.KillAsync();

        // A flipped byte fails the store's checksum; valid store bytes that are not an Arrow file fail to decode.
        var flipped = StoreFiles.PathOf(directory.Path, fragments[^1]);
        var bytes = await File.ReadAllBytesAsync(flipped);
        bytes[^5] ^= 0x40;
        await File.WriteAllBytesAsync(flipped, bytes);
        var store = new LocalDirectoryObjectStore(directory.Path);
        StoreFiles.Delete(directory.Path, fragments[1]);
        await store.PutAsync(fragments[1], new byte[] { 9, 9, 9, 9 }, WriteCondition.IfNotExists);
        StoreFiles.Delete(directory.Path, versions[0]);
        await store.PutAsync(versions[0], "{}"u8.ToArray(), WriteCondition.IfNotExists);
        var orphan = $"{DirectoryOfPerson(directory.Path)}/fragments/{Ulid.NewUlid()}.arrow";
        await store.PutAsync(orphan, new byte[] { 1 }, WriteCondition.IfNotExists);

        await using var fresh = await GraphHost.StartAsync(store);
        var report = await fresh.Client.RepairObjectsAsync(s_confirm);

        Assert.True(report.DataLost);
        var objects = Assert.Single(report.Tables).Objects;
        Assert.Equal(ObjectDriftKind.Corrupt, objects.Single(o => o.Key == fragments[^1]).Kind);
        Assert.Equal(ObjectDriftKind.Corrupt, objects.Single(o => o.Key == fragments[1]).Kind);
        Assert.Equal(ObjectDriftKind.Corrupt, objects.Single(o => o.Key == versions[0]).Kind);
        Assert.Equal(3, report.Corrupt);

        // The later versions are deltas over the unreadable first one: what they add is still checked (above), what they
        // inherit through it (the first fragment) is unknown, so it is held, never deleted.
        Assert.Equal(ObjectDriftFix.Held, objects.Single(o => o.Key == fragments[0]).Fix);
        Assert.True(StoreFiles.Exists(directory.Path, fragments[0]));

        // The unreadable table version could name the orphan: it is held, not deleted.
        Assert.Equal(ObjectDriftFix.Held, objects.Single(o => o.Key == orphan).Fix);
        Assert.True(StoreFiles.Exists(directory.Path, orphan));
    }

    [Fact]
    public async Task LostHeadRecords_AreRebuiltFromThePublishedHead_WhenConfirmed()
    {
        using var directory = new TempDirectory();
        var host = await ThreePersonsAsync(directory.Path);
        await host.KillAsync();
        Directory.Delete(Path.Combine(directory.Path, "state", "head-tablebranch"), recursive: true);

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        var plan = await fresh.Client.RepairObjectsAsync(s_classify);
        Assert.Equal(RepairStepKind.RebuildHeadRecords, Assert.Single(plan.DerivedRebuilt).Kind);
        Assert.False((await fresh.Manifest.ExamineAsync()).IsHealthy);

        var report = await fresh.Client.RepairObjectsAsync(s_confirm);
        Assert.Single(report.DerivedRebuilt);
        Assert.True((await fresh.Manifest.ExamineAsync()).IsHealthy);
        await fresh.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Zed")));
    }

    [Fact]
    public async Task Repair_RefusesWhileASidecarIsPending_AndChangesNothing()
    {
        using var directory = new TempDirectory();
        await using var host = await ThreePersonsAsync(directory.Path);
        await host.Store.PutAsync($"{DirectoryOfPerson(directory.Path)}/fragments/{Ulid.NewUlid()}.arrow", new byte[] { 1 }, WriteCondition.IfNotExists);
        host.Failpoints.Arm(Failpoints.CommitManifestPublish, FailpointAction.FailBefore);
        await Assert.ThrowsAnyAsync<Exception>(() => host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Carol"))));
        host.Failpoints.DisarmAll();
        Assert.NotEmpty(await host.SidecarsAsync());
        var before = Files(directory.Path);

        var refused = await ErrorAssert.ThrowsAsync(ErrorCodes.CleanupSidecarsPending, () => host.Client.RepairObjectsAsync(s_confirm));

        Assert.StartsWith("repair refuses", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Files(directory.Path));
    }

    public static TheoryData<Failpoint, string?, FailpointAction> Steps()
    {
        var data = new TheoryData<Failpoint, string?, FailpointAction>();
        foreach (var action in new[] { FailpointAction.FailBefore, FailpointAction.CrashAfter })
        {
            data.Add(Failpoints.RepairDelete, "table_versions", action);
            data.Add(Failpoints.RepairDelete, "data_objects", action);
            data.Add(Failpoints.RepairHeadRecords, BranchNames.Main, action);
        }

        return data;
    }

    /// <summary>A confirmed repair stopped at each step: the graph reads as before, nothing it names is gone, and repair again finishes.</summary>
    [Theory]
    [MemberData(nameof(Steps))]
    public async Task RepairStopped_ReadsTheSame_AndRunningItAgainFinishes(Failpoint point, string? scope, FailpointAction action)
    {
        using var directory = new TempDirectory();
        var host = await ThreePersonsAsync(directory.Path);
        host.Failpoints.Arm(Failpoints.CommitSidecarWrite, FailpointAction.FailBefore);
        await Assert.ThrowsAnyAsync<Exception>(() => host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Zoe"))));
        host.Failpoints.DisarmAll();
        var contents = await host.ContentsAsync();
        var earlier = await host.ColumnAsync("node:Person", "id", await host.Manifest.ResolveSnapshotAsync(SnapshotTarget.AtVersion(BranchNames.Main, 2)));
        await host.KillAsync();
        Directory.Delete(Path.Combine(directory.Path, "state", "head-tablebranch"), recursive: true);

        var second = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        Assert.NotEmpty((await second.Client.RepairObjectsAsync(s_classify)).Tables);
        second.Failpoints.Arm(point, action, scope: scope);
        await Assert.ThrowsAnyAsync<Exception>(() => second.Client.RepairObjectsAsync(s_confirm));
        second.Failpoints.DisarmAll();
        await second.KillAsync();

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        Assert.Equal(contents, await fresh.ContentsAsync());
        Assert.Equal(earlier, await fresh.ColumnAsync("node:Person", "id", await fresh.Manifest.ResolveSnapshotAsync(SnapshotTarget.AtVersion(BranchNames.Main, 2))));
        Assert.False((await fresh.Client.RepairObjectsAsync(s_classify)).DataLost);

        await fresh.Client.RepairObjectsAsync(s_confirm);
        var examination = await fresh.Manifest.ExamineAsync();
        Assert.True(examination.IsHealthy);
        Assert.Empty(examination.UnreferencedObjects);
        var again = await fresh.Client.RepairObjectsAsync(s_confirm);
        Assert.Empty(again.Tables);
        Assert.Empty(again.DerivedRebuilt);
        Assert.Equal(contents, await fresh.ContentsAsync());
        await fresh.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Zed")));
    }

    /// <summary>Main at version 4: Alice, Bob and Carol, one write each (one fragment each).</summary>
    private static async Task<GraphHost> ThreePersonsAsync(string path)
    {
        var host = await GraphHost.InitAsync(new LocalDirectoryObjectStore(path));
        foreach (var name in new[] { "Alice", "Bob", "Carol" })
        {
            await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(name)));
        }

        return host;
    }

    private static async Task<List<string>> CommitIdsAsync(GraphHost host)
    {
        var ids = new List<string>();
        for (var version = 1; version <= 4; version++)
        {
            ids.Add((await host.Manifest.ResolveSnapshotAsync(SnapshotTarget.AtVersion(BranchNames.Main, version))).Commit.Id);
        }

        return ids;
    }

    private static string DirectoryOfPerson(string path) =>
        string.Join('/', StoreFiles.Keys(path, GraphObjectKeys.TablesPrefix).First(static k => k.Contains("/fragments/", StringComparison.Ordinal)).Split('/')[..2]);

    /// <summary>Person's fragments, oldest first (their ids are ULIDs).</summary>
    private static List<string> FragmentsOfPerson(string path) => [.. StoreFiles.Keys(path, DirectoryOfPerson(path) + "/fragments/").Order(StringComparer.Ordinal)];

    private static IEnumerable<ObjectDrift> Orphans(ObjectRepairReport report) =>
        report.Tables.SelectMany(static t => t.Objects).Where(static o => o.Kind == ObjectDriftKind.Orphaned);

    private static string[] Files(string path) =>
        [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(static f => !f.Contains(".og-lock", StringComparison.Ordinal)).Order()];
}
