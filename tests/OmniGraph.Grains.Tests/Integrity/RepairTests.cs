using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Recovery;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Integrity;

/// <summary>
/// <c>recovery repair</c>: it publishes only what it verified. A lost version whose writes are all visible in the table
/// heads is published again (same commit id); versions before the last lost one keep their number as unreadable
/// placeholders; half a write is refused, and dropped only when the operator asks; lost head records are rebuilt from the
/// published head.
/// </summary>
public sealed class RepairTests
{
    [Fact]
    public async Task LostVersion_IsPlannedByADryRun_ThenRepublishedFromTheTableHeads_WithItsCommitId()
    {
        using var directory = new TempDirectory();
        var lost = await ChainGapTests.WriteThreeVersionsAsync(directory.Path, graceful: false);
        var commitId = await CommitIdOfAsync(directory.Path, lost);
        StoreFiles.Delete(directory.Path, lost);
        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));

        var plan = await fresh.Manifest.RepairAsync(new RepairRequest(Apply: false));
        Assert.False(plan.Applied);
        Assert.Equal(RepairStepKind.RepublishLostVersions, Assert.Single(plan.Steps).Kind);
        Assert.Equal(BranchCondition.Unreadable, plan.After.Branches[0].Condition);
        Assert.False(StoreFiles.Exists(directory.Path, lost));

        var report = await fresh.Manifest.RepairAsync(new RepairRequest(Apply: true));
        Assert.True(report.Applied);
        Assert.True(report.After.IsHealthy, string.Join("; ", report.After.Branches.SelectMany(static b => b.Findings).Select(static f => f.Detail)));
        var head = await fresh.HeadAsync();
        Assert.Equal(3, head.ManifestVersion);
        Assert.Equal(commitId, head.Commit.Id);
        Assert.Equal(CommitKinds.RecoveryRepublish, head.Commit.Kind);
        Assert.Equal(commitId, (await fresh.Manifest.GetCommitAsync(commitId)).Id);
        Assert.True(await CrashScenario.ReadAllOrNothingAsync(fresh));
        await GraphAssertions.ConsistentAsync(fresh);

        await fresh.Client.WriteAsync(CrashScenario.Next());
        Assert.Equal(4, (await GraphAssertions.LinearHistoryAsync(fresh)).Count);
    }

    /// <summary>Two lost versions: the last is rebuilt from the heads, the one before keeps its number as a placeholder that is never served.</summary>
    [Fact]
    public async Task TwoLostVersions_LastRebuilt_TheOtherAnUnreadablePlaceholder()
    {
        using var directory = new TempDirectory();
        var host = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        await CrashScenario.BaselineAsync(host);
        await host.Client.WriteAsync(CrashScenario.Write());
        await host.Client.WriteAsync(CrashScenario.Next());
        var incarnation = (await host.HeadAsync()).BranchIncarnation;
        await host.Manifest.GetRecoveryStatusAsync();
        await host.KillAsync();
        StoreFiles.Delete(directory.Path, GraphObjectKeys.Manifest(incarnation, 3));
        StoreFiles.Delete(directory.Path, GraphObjectKeys.Manifest(incarnation, 4));

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        Assert.Equal(GraphObjectKeys.Manifest(incarnation, 3), (await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.HeadAsync())).Key);
        var report = await fresh.Manifest.RepairAsync(new RepairRequest(Apply: true));
        Assert.True(report.After.IsHealthy);

        var head = await fresh.HeadAsync();
        Assert.Equal(4, head.ManifestVersion);
        var people = await fresh.ColumnAsync("node:Person", "id");
        Assert.Contains("Carol", people);
        Assert.Contains("Dave", people);
        Assert.Contains("k1", await fresh.ColumnAsync("edge:Knows", "id"));
        var placeholder = await ErrorAssert.ThrowsAsync(ErrorCodes.SnapshotNotFound, () => fresh.Client.ResolveSnapshotAsync(SnapshotTarget.AtVersion(BranchNames.Main, 3)));
        Assert.Contains("lost", placeholder.Message);
        var history = await GraphAssertions.LinearHistoryAsync(fresh);
        Assert.Equal(CommitKinds.RecoveryLost, history[2].Kind);
        await GraphAssertions.ConsistentAsync(fresh);
    }

    /// <summary>
    /// A write of the earlier protocol (heads moved before the publish) that crashed after moving one of its two heads,
    /// whose sidecar was then lost, never completed: repair will not publish half of it.
    /// </summary>
    [Fact]
    public async Task HalfAWrite_IsRefused_AndDiscardedOnlyWhenAsked()
    {
        using var directory = new TempDirectory();
        var host = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        await CrashScenario.BaselineAsync(host);
        host.Failpoints.Arm(Failpoints.CommitManifestPublish, FailpointAction.FailBefore);
        await Assert.ThrowsAsync<RecoveryRequiredException>(() => host.Client.WriteAsync(CrashScenario.Write()));
        host.Failpoints.DisarmAll();
        await LegacySidecars.MakeLegacyAsync(host, "edge:Knows");
        var sidecar = Assert.Single(await host.SidecarsAsync());
        await host.KillAsync();
        StoreFiles.Delete(directory.Path, sidecar);

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.HeadAsync());
        var refused = await fresh.Manifest.RepairAsync(new RepairRequest(Apply: true));
        var step = Assert.Single(refused.Steps);
        Assert.Equal(RepairStepKind.Refused, step.Kind);
        Assert.Contains("never completed", step.Detail);
        Assert.Contains("--discard-lost", step.Detail);

        var discarded = await fresh.Manifest.RepairAsync(new RepairRequest(Apply: true, DiscardLostVersions: true));
        Assert.Equal(RepairStepKind.DiscardLostVersions, discarded.Steps[0].Kind);
        Assert.True(discarded.After.IsHealthy);
        var head = await fresh.HeadAsync();
        Assert.Equal(CommitKinds.RecoveryDiscard, head.Commit.Kind);
        Assert.False(await CrashScenario.ReadAllOrNothingAsync(fresh));
        await GraphAssertions.ConsistentAsync(fresh);
        await fresh.Client.WriteAsync(CrashScenario.Next());
        await CrashScenario.AssertHealedAsync(fresh, rolledForward: false, nextWritten: true);
    }

    /// <summary>Defect 5: a lost <c>state/</c> directory is corruption (never read_set_conflict); repair rebuilds the head records from the published head.</summary>
    [Theory]
    [InlineData("state/head-tablebranch")]
    [InlineData("state")]
    public async Task LostStateDirectory_RefusesWritesAsCorruption_AndRepairRebuildsTheHeads(string lostDirectory)
    {
        using var directory = new TempDirectory();
        await ChainGapTests.WriteThreeVersionsAsync(directory.Path, graceful: true);
        Directory.Delete(Path.Combine(directory.Path, lostDirectory), recursive: true);

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        Assert.True(await CrashScenario.ReadAllOrNothingAsync(fresh));
        var refused = await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.Client.WriteAsync(CrashScenario.Next()));
        Assert.StartsWith("state/head-tablebranch/", refused.Key);
        Assert.Contains("recovery repair", refused.Message);
        Assert.DoesNotContain("found none", refused.Message);

        var status = await fresh.Manifest.ExamineAsync();
        Assert.Equal(BranchCondition.WritesBlocked, status.Branches[0].Condition);
        Assert.All(status.Branches[0].Findings, f => Assert.Equal(IntegrityFindingKind.HeadRecordMissing, f.Kind));
        Assert.Equal(2, status.Branches[0].Findings.Length); // Person and Knows moved; Company and WorksAt never did

        var report = await fresh.Manifest.RepairAsync(new RepairRequest(Apply: true));
        Assert.Equal(RepairStepKind.RebuildHeadRecords, Assert.Single(report.Steps).Kind);
        Assert.True(report.After.IsHealthy);
        await fresh.Client.WriteAsync(CrashScenario.Next());
        await CrashScenario.AssertHealedAsync(fresh, rolledForward: true, nextWritten: true);
    }

    /// <summary>A head record replaced by an older copy of itself (behind the published head) is corruption naming it.</summary>
    [Fact]
    public async Task HeadRecordBehindThePublishedHead_IsCorruption_NotAConflict()
    {
        using var directory = new TempDirectory();
        var host = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        await CrashScenario.BaselineAsync(host);
        var record = (await host.TableProtocol("node:Person").GetHeadRecordAsync(refresh: true)).StateKey;
        var older = File.ReadAllBytes(StoreFiles.PathOf(directory.Path, record));
        await host.Client.WriteAsync(CrashScenario.Write());
        await host.DisposeAsync();
        File.WriteAllBytes(StoreFiles.PathOf(directory.Path, record), older);

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        Assert.True(await CrashScenario.ReadAllOrNothingAsync(fresh));
        var refused = await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.Client.WriteAsync(CrashScenario.Next()));
        Assert.Equal(record, refused.Key);
        Assert.Contains("disagrees with the published head", refused.Message);
    }

    /// <summary>A head record naming the published version number but another write's version: corruption that tells the two apart (defect 5: never "expected X, found X").</summary>
    [Fact]
    public async Task HeadRecordOfAnotherWriteWithTheSameNumber_IsCorruption_NamingBothWrites()
    {
        var store = new MemoryObjectStore();
        string published;
        string record;
        await using (var host = await GraphHost.InitAsync(store))
        {
            await CrashScenario.BaselineAsync(host);
            published = (await host.HeadAsync()).GetTable("node:Person").Tx!;
            record = (await host.TableProtocol("node:Person").GetHeadRecordAsync(refresh: true)).StateKey;
        }

        var other = Ulid.NewUlid().ToString();
        var text = System.Text.Encoding.UTF8.GetString((await store.GetAsync(record)).Content.Span).Replace(published, other, StringComparison.Ordinal);
        await store.PutAsync(record, System.Text.Encoding.UTF8.GetBytes(text), WriteCondition.None);

        await using var fresh = await GraphHost.StartAsync(store);
        var refused = await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.Client.WriteAsync(CrashScenario.Next()));
        Assert.Equal(record, refused.Key);
        Assert.Contains($"of write {other}", refused.Message);
        Assert.Contains($"of write {published}", refused.Message);
    }

    private static async Task<string> CommitIdOfAsync(string path, string manifestKey)
    {
        var stored = await new LocalDirectoryObjectStore(path).GetAsync(manifestKey);
        return (string)System.Text.Json.Nodes.JsonNode.Parse(stored.Content.Span)!["commit"]!["id"]!;
    }
}
