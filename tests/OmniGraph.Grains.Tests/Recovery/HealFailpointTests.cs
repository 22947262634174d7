using System.Text.Json.Nodes;
using OmniGraph.Engine;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Storage;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Recovery;

/// <summary>
/// Heal's own durable steps fail or crash too: a heal that fails blocks writes to its branch (recovery_required) and is
/// retried at the next write; a heal that crashes half-way is finished by the next heal. Every step is idempotent.
/// </summary>
public sealed class HealFailpointTests
{
    [Fact]
    public async Task RollForwardPublishFails_BlocksTheBranch_ThenTheNextWriteFinishesIt()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await CrashScenario.BaselineAsync(host);
        await LeaveCompleteSidecarAsync(host);

        host.Failpoints.Arm(Failpoints.HealRollForwardPublish, FailpointAction.FailBefore);
        var blocked = await Assert.ThrowsAsync<RecoveryRequiredException>(() => host.Client.WriteAsync(CrashScenario.Next()));
        Assert.Contains("injected failure", blocked.Reason);
        Assert.Single(await host.SidecarsAsync());
        Assert.Equal(PendingSidecarState.HealFailed, Assert.Single((await host.Manifest.GetRecoveryStatusAsync()).Pending).State);
        Assert.False(await CrashScenario.ReadAllOrNothingAsync(host));

        await host.Client.WriteAsync(CrashScenario.Next());
        await CrashScenario.AssertHealedAsync(host, rolledForward: true, nextWritten: true);
    }

    [Fact]
    public async Task RollForwardPublishCrashes_TheNextHealSeesItPublishedAndFinishes()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await CrashScenario.BaselineAsync(host);
        await LeaveCompleteSidecarAsync(host);

        host.Failpoints.Arm(Failpoints.HealRollForwardPublish, FailpointAction.CrashAfter);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => host.Client.WriteAsync(CrashScenario.Next()));
        Assert.True(await CrashScenario.ReadAllOrNothingAsync(host));

        await host.Client.WriteAsync(CrashScenario.Next());
        await CrashScenario.AssertHealedAsync(host, rolledForward: true, nextWritten: true);
    }

    [Fact]
    public async Task RollbackFenceCrashes_TheNextHealRollsBackBehindThatFence()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await CrashScenario.BaselineAsync(host);
        host.Failpoints.Arm(Failpoints.CommitTableHeadAdvance, FailpointAction.CrashAfter, hit: 1);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => host.Client.WriteAsync(CrashScenario.Write()));
        host.Failpoints.DisarmAll();

        host.Failpoints.Arm(Failpoints.HealRollbackFence, FailpointAction.CrashAfter);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => host.Client.WriteAsync(CrashScenario.Next()));
        var fenced = await host.HeadAsync();
        Assert.Equal(CommitInfo.RecoveryActor, fenced.Commit.Actor);
        Assert.False(await CrashScenario.ReadAllOrNothingAsync(host));

        await host.Client.WriteAsync(CrashScenario.Next());
        await CrashScenario.AssertHealedAsync(host, rolledForward: false, nextWritten: true);
    }

    [Fact]
    public async Task HeadRollbackFails_TheFenceStays_AndTheNextHealFinishesTheRollback()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await CrashScenario.BaselineAsync(host);
        host.Failpoints.Arm(Failpoints.CommitTableHeadAdvance, FailpointAction.CrashAfter, hit: 1);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => host.Client.WriteAsync(CrashScenario.Write()));
        host.Failpoints.DisarmAll();

        host.Failpoints.Arm(Failpoints.HealHeadRollback, FailpointAction.FailBefore, scope: "edge:Knows");
        await Assert.ThrowsAsync<RecoveryRequiredException>(() => host.Client.WriteAsync(CrashScenario.Next()));
        host.Failpoints.DisarmAll();

        await host.Client.WriteAsync(CrashScenario.Next());
        await CrashScenario.AssertHealedAsync(host, rolledForward: false, nextWritten: true);
    }

    [Fact]
    public async Task HealSidecarDeleteFails_ThenTheNextWriteDeletesIt_WithoutASecondCommit()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await CrashScenario.BaselineAsync(host);
        await LeaveCompleteSidecarAsync(host);

        host.Failpoints.Arm(Failpoints.HealSidecarDelete, FailpointAction.FailBefore);
        await Assert.ThrowsAsync<RecoveryRequiredException>(() => host.Client.WriteAsync(CrashScenario.Next()));
        Assert.True(await CrashScenario.ReadAllOrNothingAsync(host));
        host.Failpoints.DisarmAll();

        await host.Client.WriteAsync(CrashScenario.Next());
        await CrashScenario.AssertHealedAsync(host, rolledForward: true, nextWritten: true);
    }

    /// <summary>
    /// A published write whose head was moved back (as a dying writer crossing a healer could leave it): the heal moves it
    /// forward again; when that step crashes, the next heal finishes it.
    /// </summary>
    [Fact]
    public async Task PublishedWriteWithAHeadBehind_IsRolledForwardHeadByHead()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await CrashScenario.BaselineAsync(host);
        await LeaveCompleteSidecarAsync(host);

        // Publish the sidecar's manifest by hand (another process's healer did), then move Person's head back.
        var sidecarKey = Assert.Single(await host.SidecarsAsync());
        var sidecar = JsonNode.Parse((await host.Store.GetAsync(sidecarKey)).Content.Span)!;
        var manifest = sidecar["manifest"]!;
        await host.Store.PutAsync(
            GraphObjectKeys.Manifest((string)manifest["branch_incarnation"]!, (long)manifest["version"]!),
            System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString()),
            WriteCondition.IfNotExists);
        var person = sidecar["tables"]!.AsArray().Single(t => (string)t!["staged"]!["table"]! == "node:Person")!;
        var tx = (string)sidecar["tx"]!;
        await host.Table("node:Person").RollBackHeadAsync(tx, ToRef(person["staged"]!), ToRef(person["expected"]!));

        host.Failpoints.Arm(Failpoints.HealHeadRollForward, FailpointAction.CrashAfter, scope: "node:Person");
        await Assert.ThrowsAsync<SimulatedCrashException>(() => host.Client.WriteAsync(CrashScenario.Next()));
        Assert.Single(await host.SidecarsAsync());

        await host.Client.WriteAsync(CrashScenario.Next());
        await CrashScenario.AssertHealedAsync(host, rolledForward: true, nextWritten: true);
    }

    /// <summary>A heal that crashes during activation fails the activation; the next call activates again and finishes it.</summary>
    [Fact]
    public async Task HealCrashDuringActivation_IsFinishedByTheNextActivation()
    {
        using var directory = new TempDirectory();
        var first = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        await CrashScenario.BaselineAsync(first);
        first.Failpoints.Arm(Failpoints.CommitSidecarWrite, FailpointAction.CrashAfter);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => first.Client.WriteAsync(CrashScenario.Write()));
        await first.KillAsync();

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        fresh.Failpoints.Arm(Failpoints.HealRollbackFence, FailpointAction.CrashAfter);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => fresh.HeadAsync());

        await fresh.HeadAsync();
        await CrashScenario.AssertHealedAsync(fresh, rolledForward: false, nextWritten: false);
    }

    /// <summary>Leaves W with every head moved and its publish failed: a complete sidecar (recovery required).</summary>
    private static async Task LeaveCompleteSidecarAsync(GraphHost host)
    {
        host.Failpoints.Arm(Failpoints.CommitManifestPublish, FailpointAction.FailBefore);
        await Assert.ThrowsAsync<RecoveryRequiredException>(() => host.Client.WriteAsync(CrashScenario.Write()));
        host.Failpoints.DisarmAll();
    }

    private static TableVersionRef ToRef(JsonNode node) => new(
        (string)node["table"]!,
        (long)node["table_id"]!,
        (string)node["branch"]!,
        (string)node["branch_incarnation"]!,
        (long)node["version"]!,
        (string?)node["key"],
        (long)node["rows"]!,
        (string?)node["tx"],
        (string)node["schema_hash"]!);
}
