using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Branches;

/// <summary>
/// Branch control on the engine: create is a registry entry (no data copied, at a branch head or a commit), the naming
/// rules and dependencies are typed errors that change nothing, delete reclaims exactly what only the branch referenced
/// (crash-safe: a stopped reclaim is finished later), and a deleted incarnation is never served again (ABA).
/// </summary>
public sealed class BranchLifecycleTests
{
    [Fact]
    public async Task Create_WritesOnlyTheRegistry_WhateverTheGraphHolds()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(0, 5_000)));
        await host.Manifest.GetRecoveryStatusAsync();
        var before = await StoredKeys.AllAsync(host.Store);

        var branch = await host.Client.CreateBranchAsync("feature");

        var after = await StoredKeys.AllAsync(host.Store);
        Assert.Empty(before.Except(after));
        Assert.All(after.Except(before), static k => Assert.Equal("state/registry-manifest/graph.json", k));
        var main = await host.HeadAsync();
        var fork = await host.HeadAsync("feature");
        Assert.Equal(main.Commit, fork.Commit);
        Assert.True(main.Tables.SequenceEqual(fork.Tables));
        Assert.Equal(new BranchForkPoint(BranchNames.Main, main.BranchIncarnation, main.ManifestVersion, main.Commit.Id), branch.ForkedFrom);
        Assert.Equal(["main", "feature"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));
    }

    [Fact]
    public async Task Create_FromACommit_StartsThere_AndFromABranch_AtItsHead()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var first = await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Bob")));

        var old = await host.Client.CreateBranchAsync("old", first.Commit.Id);
        Assert.Equal(first.Commit.Id, (await host.HeadAsync("old")).Commit.Id);
        Assert.Equal(["Alice"], await host.ColumnAsync("node:Person", "id", await host.HeadAsync("old")));
        Assert.Equal(first.Commit.ManifestVersion, old.ForkedFrom!.ManifestVersion);

        // A branch of a branch starts at that branch's head, and its history runs through it.
        var write = await host.Client.WriteAsync(new GraphWriteRequest("old", [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Carol"))]));
        var child = await host.Client.CreateBranchAsync("old-child", "old");
        Assert.Equal(write.Commit.Id, child.ForkedFrom!.CommitId);
        Assert.Equal(["Alice", "Carol"], await host.ColumnAsync("node:Person", "id", await host.HeadAsync("old-child")));
        var history = await host.Manifest.ListCommitsAsync("old-child", int.MaxValue);
        Assert.Equal([write.Commit.Id, first.Commit.Id, first.Commit.ParentId], history.Select(static c => c.Id));

        await ErrorAssert.ThrowsAsync(ErrorCodes.CommitNotFound, () => host.Client.CreateBranchAsync("x", "01J00000000000000000000000"));
        await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNotFound, () => host.Client.CreateBranchAsync("x", "nope"));
    }

    [Fact]
    public async Task ABranchOfABranchThatNeverWrote_StartsAtTheSameManifest_AndTakesWrites()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var first = await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));
        await host.Client.CreateBranchAsync("fresh");
        var child = await host.Client.CreateBranchAsync("fresh-child", "fresh");

        // The fresh branch holds no manifest of its own: the child starts where it does, on main's chain.
        Assert.Equal(first.Commit.Id, child.ForkedFrom!.CommitId);
        var write = await host.Client.WriteAsync(new GraphWriteRequest("fresh-child", [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Bob"))]));
        Assert.Equal(first.Commit.Id, write.Commit.ParentId);
        Assert.Equal(["Alice", "Bob"], await host.ColumnAsync("node:Person", "id", await host.HeadAsync("fresh-child")));
        Assert.Equal(["Alice"], await host.ColumnAsync("node:Person", "id", await host.HeadAsync("fresh")));

        // The fresh branch still writes on its own, and nothing depends on it.
        await host.Client.WriteAsync(new GraphWriteRequest("fresh", [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Carol"))]));
        Assert.Equal(["Alice", "Bob"], await host.ColumnAsync("node:Person", "id", await host.HeadAsync("fresh-child")));
        await host.Client.DeleteBranchAsync("fresh");
        Assert.Equal(["Alice", "Bob"], await host.ColumnAsync("node:Person", "id", await host.HeadAsync("fresh-child")));
        await GraphAssertions.ConsistentAsync(host, "fresh-child");
    }

    [Theory]
    [InlineData("main", ErrorCodes.InvalidBranchName, "cannot create branch 'main'")]
    [InlineData("bad branch", ErrorCodes.InvalidBranchName, "not allowed")]
    [InlineData("", ErrorCodes.InvalidBranchName, "1 to 200 characters")]
    [InlineData("/lead", ErrorCodes.InvalidBranchName, "segments are not allowed")]
    [InlineData("trail/", ErrorCodes.InvalidBranchName, "segments are not allowed")]
    [InlineData("a//b", ErrorCodes.InvalidBranchName, "segments are not allowed")]
    [InlineData("a/../b", ErrorCodes.InvalidBranchName, "segments are not allowed")]
    [InlineData("x.lock", ErrorCodes.InvalidBranchName, "'.lock'")]
    [InlineData("back\\slash", ErrorCodes.InvalidBranchName, "not allowed")]
    [InlineData("__schema_apply_lock__", ErrorCodes.InvalidBranchName, "internal system ref")]
    public async Task BadNames_AreTypedErrors_AndCreateNothing(string name, string code, string message)
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var before = await StoredKeys.AllAsync(host.Store);

        var error = await ErrorAssert.ThrowsAsync(code, () => host.Client.CreateBranchAsync(name));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StoredKeys.AllAsync(host.Store));
        Assert.Equal(["main"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));
    }

    [Fact]
    public async Task NamesAreATree_ExistingNamesConflict_AndReservedLookingNamesAreFine()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.Client.CreateBranchAsync("__run__x");
        await host.Client.CreateBranchAsync("feature");

        await ErrorAssert.ThrowsAsync(ErrorCodes.BranchExists, () => host.Client.CreateBranchAsync("feature"));
        var collision = await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNameCollision, () => host.Client.CreateBranchAsync("feature/child"));
        Assert.Contains("ancestors or descendants", collision.Message, StringComparison.Ordinal);

        await host.Client.DeleteBranchAsync("feature");
        await host.Client.CreateBranchAsync("feature/child");
        await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNameCollision, () => host.Client.CreateBranchAsync("feature"));
        Assert.Equal(["main", "__run__x", "feature/child"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));
    }

    [Fact]
    public async Task Delete_RefusesMain_Missing_AndABranchOthersDependOn()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.Client.CreateBranchAsync("feature");
        await host.Client.WriteAsync(new GraphWriteRequest("feature", [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Eve"))]));
        await host.Client.CreateBranchAsync("experiment", "feature");

        var main = await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidBranchOperation, () => host.Client.DeleteBranchAsync("main"));
        Assert.Contains("cannot delete branch 'main'", main.Message, StringComparison.Ordinal);
        await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNotFound, () => host.Client.DeleteBranchAsync("nope"));
        var inUse = await ErrorAssert.ThrowsAsync(ErrorCodes.BranchInUse, () => host.Client.DeleteBranchAsync("feature"));
        Assert.Contains("still depends on it", inUse.Message, StringComparison.Ordinal);
        Assert.Equal("experiment", inUse.Get(ErrorDetail.DependentBranch));
        Assert.Equal(["Eve"], await host.ColumnAsync("node:Person", "id", await host.HeadAsync("experiment")));

        await host.Client.DeleteBranchAsync("experiment");
        await host.Client.DeleteBranchAsync("feature");
        Assert.Equal(["main"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));
    }

    [Fact]
    public async Task Delete_ReclaimsWhatOnlyTheBranchReferenced_AndMainStaysWhole()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await WriteAliceKnowsBobAsync(host);
        var mainBefore = await host.ContentsAsync();
        var branch = await host.Client.CreateBranchAsync("feature");
        await host.Client.WriteAsync(new GraphWriteRequest("feature", [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Carol"))]));
        await host.Client.WriteAsync(new GraphWriteRequest("feature", [TableWrite.Delete("node:Person", KeyBatch.Of("Alice")), TableWrite.Delete("edge:Knows", KeyBatch.Of("k1"))]));
        Assert.Contains(await StoredKeys.AllAsync(host.Store), k => k.Contains(branch.Incarnation, StringComparison.Ordinal));

        var deletion = await host.Client.DeleteBranchAsync("feature");

        Assert.True(deletion.Reclaimed);
        Assert.True(deletion.ReclaimedObjects > 0);
        Assert.DoesNotContain(await StoredKeys.AllAsync(host.Store), k => k.Contains(branch.Incarnation, StringComparison.Ordinal) || k.Contains("@feature", StringComparison.Ordinal));
        var examination = await host.Manifest.ExamineAsync();
        Assert.True(examination.IsHealthy);
        Assert.Empty(examination.UnreferencedObjects);
        Assert.Equal(mainBefore, await host.ContentsAsync());
        await GraphAssertions.ConsistentAsync(host);
    }

    /// <summary>
    /// The table grains of a deleted branch let go of what they loaded for it (issue 18: twelve merged and deleted
    /// branches kept a copy of the Person table each, ~100 MB at M, until Orleans collected idle activations); main's
    /// grains stay, and a branch created again under the name reads afresh.
    /// </summary>
    [Fact]
    public async Task Delete_DeactivatesTheBranchsTableGrains_AndLeavesMainsWarm()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await WriteAliceKnowsBobAsync(host);
        await host.Client.CreateBranchAsync("feature");
        await host.Client.WriteAsync(new GraphWriteRequest("feature", [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Carol"))]));
        var feature = await host.HeadAsync("feature");
        Assert.Equal(["Alice", "Bob", "Carol"], await host.ColumnAsync("node:Person", "id", feature));
        var knows = await host.Table("edge:Knows", "feature").TraverseAsync(feature.GetTable("edge:Knows"), new TraversalRequest(KeyBatch.Of("Alice"), ExpansionDirection.Outgoing, 1, 1, TraversalOutput.Neighbours));
        Assert.Equal("Bob", knows.Neighbours.GetString(0));
        var before = await TableGrainKeysAsync(host);
        Assert.Contains("g/node:Person@feature", before);
        Assert.Contains("g/edge:Knows@feature", before);

        await host.Client.DeleteBranchAsync("feature");

        // Deactivation follows the call that asked for it; give it a bounded number of looks.
        var keys = await TableGrainKeysAsync(host);
        for (var look = 0; look < 100 && keys.Any(static k => k.EndsWith("@feature", StringComparison.Ordinal)); look++)
        {
            await Task.Delay(50);
            keys = await TableGrainKeysAsync(host);
        }

        Assert.DoesNotContain(keys, static k => k.EndsWith("@feature", StringComparison.Ordinal));
        Assert.Contains("g/node:Person@main", keys);
        await host.Client.CreateBranchAsync("feature");
        Assert.Equal(["Alice", "Bob"], await host.ColumnAsync("node:Person", "id", await host.HeadAsync("feature")));
    }

    /// <summary>Main holds Alice and Bob and the edge k1 from Alice to Bob.</summary>
    private static Task<GraphWriteResult> WriteAliceKnowsBobAsync(GraphHost host) =>
        host.WriteAsync(
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice", "Bob")),
            TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k1", "Alice", "Bob"))));

    private static async Task<List<string>> TableGrainKeysAsync(GraphHost host)
    {
        var statistics = await host.Cluster.Client.GetGrain<Orleans.Runtime.IManagementGrain>(0).GetDetailedGrainStatistics();
        return [.. statistics.Select(static s => s.GrainId.Key.ToString()!).Where(static k => k.Contains(":Person@", StringComparison.Ordinal) || k.Contains(":Knows@", StringComparison.Ordinal))];
    }

    [Fact]
    public async Task ADeletedBranch_IsNeverServedAgain_EvenUnderItsOldName()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));
        var old = await host.Client.CreateBranchAsync("feature");
        var oldWrite = await host.Client.WriteAsync(new GraphWriteRequest("feature", [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Eve"))]));
        await host.Client.DeleteBranchAsync("feature");

        var gone = await ErrorAssert.ThrowsAsync(ErrorCodes.StaleBranchIncarnation, () => host.Client.ResolveSnapshotAsync(SnapshotTarget.AtCommit(oldWrite.Commit.Id)));
        Assert.Contains("was deleted", gone.Message, StringComparison.Ordinal);
        await ErrorAssert.ThrowsAsync(ErrorCodes.StaleBranchIncarnation, () => host.Client.GetCommitAsync(oldWrite.Commit.Id));
        await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNotFound, () => host.HeadAsync("feature"));

        var recreated = await host.Client.CreateBranchAsync("feature");
        Assert.NotEqual(old.Incarnation, recreated.Incarnation);
        var again = await ErrorAssert.ThrowsAsync(ErrorCodes.StaleBranchIncarnation, () => host.Client.ResolveSnapshotAsync(SnapshotTarget.AtCommit(oldWrite.Commit.Id)));
        Assert.Contains("deleted and created again", again.Message, StringComparison.Ordinal);
        Assert.Equal(old.Incarnation, again.Get(ErrorDetail.Incarnation));

        // The new branch starts afresh at main: Eve is gone, its own writes get their own chain.
        Assert.Equal(["Alice"], await host.ColumnAsync("node:Person", "id", await host.HeadAsync("feature")));
        var write = await host.Client.WriteAsync(new GraphWriteRequest("feature", [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Frank"))]));
        Assert.Equal(recreated.Incarnation, write.Snapshot.GetTable("node:Person").ChainIncarnation);
        Assert.Equal(["Alice", "Frank"], await host.ColumnAsync("node:Person", "id", write.Snapshot));
        await GraphAssertions.ConsistentAsync(host, "feature");
    }

    [Fact]
    public async Task RegistryWriteFailure_LeavesTheRegistryAsItWas()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.Client.CreateBranchAsync("kept");
        host.Failpoints.Arm(Failpoints.BranchRegistryWrite, FailpointAction.FailBefore, times: 2);
        await ErrorAssert.ThrowsAsync(ErrorCodes.FailpointInjected, () => host.Client.CreateBranchAsync("feature"));
        await ErrorAssert.ThrowsAsync(ErrorCodes.FailpointInjected, () => host.Client.DeleteBranchAsync("kept"));
        host.Failpoints.DisarmAll();

        Assert.Equal(["main", "kept"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));
        await host.Client.CreateBranchAsync("feature");
        Assert.Equal(["main", "feature", "kept"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));
    }

    /// <summary>A delete that dies while reclaiming: the branch is gone at once; a fresh silo finishes the reclaim on open.</summary>
    [Theory]
    [InlineData(FailpointAction.FailBefore)]
    [InlineData(FailpointAction.CrashAfter)]
    public async Task ReclaimStopped_TheBranchIsGone_AndTheNextOpenFinishes(FailpointAction action)
    {
        using var directory = new TempDirectory();
        var first = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        await first.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));
        var branch = await first.Client.CreateBranchAsync("feature");
        var write = await first.Client.WriteAsync(new GraphWriteRequest("feature", [
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Eve")),
            TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k1", "Alice", "Eve")))]));
        first.Failpoints.Arm(Failpoints.BranchReclaim, action);
        if (action == FailpointAction.CrashAfter)
        {
            await ErrorAssert.ThrowsAsync<SimulatedCrashException>(ErrorCodes.SimulatedCrash, () => first.Client.DeleteBranchAsync("feature"));
        }
        else
        {
            Assert.False((await first.Client.DeleteBranchAsync("feature")).Reclaimed);
        }

        first.Failpoints.DisarmAll();

        Assert.Equal(["main"], (await first.Client.ListBranchesAsync()).Select(static b => b.Name));
        await ErrorAssert.ThrowsAsync(ErrorCodes.StaleBranchIncarnation, () => first.Client.GetCommitAsync(write.Commit.Id));
        Assert.Contains(await StoredKeys.AllAsync(first.Store), k => k.Contains(branch.Incarnation, StringComparison.Ordinal));
        await first.KillAsync();

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        await ErrorAssert.ThrowsAsync(ErrorCodes.StaleBranchIncarnation, () => fresh.Client.GetCommitAsync(write.Commit.Id));
        Assert.DoesNotContain(await StoredKeys.AllAsync(fresh.Store), k => k.Contains(branch.Incarnation, StringComparison.Ordinal));
        var examination = await fresh.Manifest.ExamineAsync();
        Assert.True(examination.IsHealthy);
        Assert.Empty(examination.UnreferencedObjects);
        Assert.Equal(["Alice"], await fresh.IdsAsync("node:Person"));
    }

    /// <summary>
    /// A fork's first write that crashed after its sidecar: its base is the fork point, a version of the source's chain,
    /// and the heal finds it there (and rolls the write forward), in the same silo and in a fresh one.
    /// </summary>
    [Fact]
    public async Task AForksFirstWrite_CrashedAfterItsSidecar_IsHealed()
    {
        using var directory = new TempDirectory();
        var first = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        await first.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));
        await first.Client.CreateBranchAsync("feature");
        first.Failpoints.Arm(Failpoints.CommitSidecarWrite, FailpointAction.CrashAfter);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => first.Client.WriteAsync(new GraphWriteRequest("feature", [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Eve"))])));
        first.Failpoints.DisarmAll();
        await first.KillAsync();

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        Assert.Equal(["Alice", "Eve"], await fresh.ColumnAsync("node:Person", "id", await fresh.HeadAsync("feature")));
        Assert.Equal(["Alice"], await fresh.ColumnAsync("node:Person", "id"));
        await GraphAssertions.NoSidecarAsync(fresh);
        await GraphAssertions.ConsistentAsync(fresh, "feature");
    }

    /// <summary>
    /// A recovery sidecar of a deleted branch (another process's write that outlived the delete, staged here by putting a
    /// copy back) is dropped by the next heal: it neither blocks the graph nor the branch created again under the name.
    /// </summary>
    [Fact]
    public async Task ASidecarOfADeletedBranch_IsDropped_AndBlocksNothing()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.Client.CreateBranchAsync("feature");
        host.Failpoints.Arm(Failpoints.CommitSidecarWrite, FailpointAction.CrashAfter);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => host.Client.WriteAsync(new GraphWriteRequest("feature", [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Eve"))])));
        host.Failpoints.DisarmAll();
        var key = Assert.Single(await host.SidecarsAsync());
        var bytes = (await host.Store.GetAsync(key)).Content;

        await host.Client.DeleteBranchAsync("feature");
        await host.Store.PutAsync(key, bytes, WriteCondition.None);
        await host.Client.CreateBranchAsync("feature");

        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));
        await host.Client.WriteAsync(new GraphWriteRequest("feature", [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Frank"))]));
        await GraphAssertions.NoSidecarAsync(host);
        Assert.Equal(["Frank"], await host.ColumnAsync("node:Person", "id", await host.HeadAsync("feature")));
        Assert.True((await host.Manifest.ExamineAsync()).IsHealthy);
    }
}
