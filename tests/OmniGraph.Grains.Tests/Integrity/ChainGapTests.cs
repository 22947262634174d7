using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Recovery;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Integrity;

/// <summary>
/// Issue 10, defect 1: a missing newest manifest version is never served as a rolled-back head, and no write reuses its
/// number. The chain's end is cross-checked against every durable record naming a later state: table head records
/// (which name the manifest version their write published), head hints, and recovery sidecars.
/// </summary>
public sealed class ChainGapTests
{
    /// <summary>
    /// Baseline (v2) and W (v3: Carol and k1); then the silo stops gracefully (its head hint names v3) or is killed
    /// (no hint: only the head records of W's tables prove v3), and v3's file is deleted.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task LostNewestManifest_IsCorruptNamingIt_ReadsAndWritesRefused_NumberNeverReused(bool graceful)
    {
        using var directory = new TempDirectory();
        var lost = await WriteThreeVersionsAsync(directory.Path, graceful);
        StoreFiles.Delete(directory.Path, lost);

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        var error = await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.HeadAsync());
        Assert.Equal("corrupt_object", error.Code);
        Assert.Equal(lost, error.Key);
        Assert.Contains("manifest version 3 of branch 'main' is missing", error.Message);
        Assert.Contains(graceful ? "version 3 was published" : "head record", error.Message);

        await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.Client.GetSnapshotAsync());
        await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.Manifest.ListCommitsAsync(BranchNames.Main, 10));
        var write = await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.Client.WriteAsync(CrashScenario.Next()));
        Assert.Equal(lost, write.Key);
        Assert.False(StoreFiles.Exists(directory.Path, lost));

        // The versions that exist stay readable when asked for by number.
        var v2 = await fresh.Client.ResolveSnapshotAsync(SnapshotTarget.AtVersion(BranchNames.Main, 2));
        Assert.DoesNotContain("Carol", await fresh.ColumnAsync("node:Person", "id", v2));
    }

    /// <summary>With only two versions (init, one load), losing the load's manifest must not show an empty graph.</summary>
    [Fact]
    public async Task LostOnlyLoad_IsCorrupt_NotAnEmptyGraph()
    {
        using var directory = new TempDirectory();
        var first = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        await CrashScenario.BaselineAsync(first);
        var incarnation = (await first.HeadAsync()).BranchIncarnation;
        await first.KillAsync();
        StoreFiles.Delete(directory.Path, GraphObjectKeys.Manifest(incarnation, 2));

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        Assert.Equal(GraphObjectKeys.Manifest(incarnation, 2), (await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.HeadAsync())).Key);
        await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Zed"))));
        Assert.False(StoreFiles.Exists(directory.Path, GraphObjectKeys.Manifest(incarnation, 2)));
    }

    /// <summary>A commit that moved no table head leaves its version in the head hint (written at once for such commits).</summary>
    [Fact]
    public async Task LostManifestOfACommitThatMovedNoTable_IsFoundByTheHeadHint()
    {
        using var directory = new TempDirectory();
        var first = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        await CrashScenario.BaselineAsync(first);
        await first.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, []));

        // The hint is written by the commit's completion, after the acknowledgement (until then the sidecar holds v3).
        await first.Manifest.GetRecoveryStatusAsync();
        var head = await first.HeadAsync();
        Assert.Equal(3, head.ManifestVersion);
        await first.KillAsync();
        StoreFiles.Delete(directory.Path, GraphObjectKeys.Manifest(head.BranchIncarnation, 3));

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        var error = await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.HeadAsync());
        Assert.Contains("head hint", error.Message);
    }

    /// <summary>A sidecar written on top of v3 proves v3: its heal must not publish v4 past the gap, and the head is not served.</summary>
    [Fact]
    public async Task SidecarBasedOnALostVersion_IsNeitherHealedNorServed()
    {
        using var directory = new TempDirectory();
        var lost = await WriteThreeVersionsAsync(directory.Path, graceful: true, crashAWriteOnTop: true);
        StoreFiles.Delete(directory.Path, lost);

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        Assert.Equal(lost, (await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.HeadAsync())).Key);
        var pending = Assert.Single((await fresh.Manifest.GetRecoveryStatusAsync()).Pending);
        Assert.Equal(PendingSidecarState.HealFailed, pending.State);
        Assert.Contains("is missing", pending.Reason);
        Assert.Single(await fresh.SidecarsAsync());
        Assert.Equal(2, StoreFiles.Keys(directory.Path, lost[..lost.LastIndexOf('/')]).Count);

        // Repair does not guess: the pending write's base is the lost version.
        var step = Assert.Single((await fresh.Manifest.RepairAsync(new RepairRequest(Apply: true))).Steps);
        Assert.Equal(RepairStepKind.Refused, step.Kind);
        Assert.Contains("based on version 3, which is lost", step.Detail);
        Assert.Equal(2, StoreFiles.Keys(directory.Path, lost[..lost.LastIndexOf('/')]).Count);
    }

    /// <summary>Restoring the lost file from a backup makes the branch whole again, in the same silo.</summary>
    [Fact]
    public async Task RestoringTheLostFile_ServesTheBranchAgain()
    {
        using var directory = new TempDirectory();
        var lost = await WriteThreeVersionsAsync(directory.Path, graceful: false);
        var backup = File.ReadAllBytes(StoreFiles.PathOf(directory.Path, lost));
        StoreFiles.Delete(directory.Path, lost);

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        await Assert.ThrowsAsync<CorruptObjectException>(() => fresh.HeadAsync());
        File.WriteAllBytes(StoreFiles.PathOf(directory.Path, lost), backup);

        Assert.True(await CrashScenario.ReadAllOrNothingAsync(fresh));
        await fresh.Client.WriteAsync(CrashScenario.Next());
        Assert.Equal(4, (await fresh.HeadAsync()).ManifestVersion);
    }

    /// <summary>Writes the baseline and W to a local graph, waits for W's completion, stops the silo, and returns the key of v3 (W's manifest).</summary>
    internal static async Task<string> WriteThreeVersionsAsync(string path, bool graceful, bool crashAWriteOnTop = false)
    {
        var host = await GraphHost.InitAsync(new LocalDirectoryObjectStore(path));
        await CrashScenario.BaselineAsync(host);
        await host.Client.WriteAsync(CrashScenario.Write());
        var head = await host.HeadAsync();
        Assert.Equal(3, head.ManifestVersion);

        // W completed: its heads moved (they name v3) and its sidecar is gone.
        await host.Manifest.GetRecoveryStatusAsync();
        if (crashAWriteOnTop)
        {
            host.Failpoints.Arm(Failpoints.CommitSidecarWrite, FailpointAction.CrashAfter);
            await Assert.ThrowsAsync<SimulatedCrashException>(() => host.Client.WriteAsync(CrashScenario.Next()));
            host.Failpoints.DisarmAll();
        }

        if (graceful)
        {
            await host.DisposeAsync();
        }
        else
        {
            await host.KillAsync();
        }

        return GraphObjectKeys.Manifest(head.BranchIncarnation, 3);
    }
}
