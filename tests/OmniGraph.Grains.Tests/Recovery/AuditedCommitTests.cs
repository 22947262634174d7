using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Hosting;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Security;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Hosting;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Recovery;

/// <summary>
/// Commits with <see cref="OmniGraphOptions.AuditWrites"/> and a graph policy: the engine re-checks the policy (fail
/// closed without an actor, a denial audited and nothing written), every published commit gets exactly one audit
/// entry — also when the writer fails or crashes around the append, or between the append and the sidecar delete, and
/// the heal (in the same silo, or in a fresh one that does not audit) finishes the write — and the chain verifies.
/// </summary>
public sealed class AuditedCommitTests
{
    private const string BaselineActor = "base";

    /// <summary>The writes' actors may change any branch; <c>"reader"</c> is known but may not write.</summary>
    private const string Policy = """
        version: 1
        groups:
          writers: [base, w, w2]
          readers: [reader]
        rules:
          - id: writers-change
            allow: { actors: { group: writers }, actions: [change], branch_scope: any }
          - id: readers-read
            allow: { actors: { group: readers }, actions: [read] }
        """;

    public static TheoryData<WriterFailure> WriterFailures() =>
    [
        // The append fails: the write stands (it is published) and its sidecar stays for the heal.
        new(nameof(Failpoints.CommitAuditAppend), Failpoints.CommitAuditAppend, FailpointAction.FailBefore, Crashes: false),
        // The writer dies right after its append: the heal finds the entry and writes none.
        new(nameof(Failpoints.CommitAuditAppend), Failpoints.CommitAuditAppend, FailpointAction.CrashAfter, Crashes: true),
        // After the acknowledgement (the completion): the sidecar delete fails or the writer dies after it: the entry
        // exists already.
        new(nameof(Failpoints.CommitSidecarDelete), Failpoints.CommitSidecarDelete, FailpointAction.FailBefore, Crashes: false),
        new(nameof(Failpoints.CommitSidecarDelete), Failpoints.CommitSidecarDelete, FailpointAction.CrashAfter, Crashes: false),
        // The writer dies after the acknowledgement while moving a table head: the entry exists, the heal moves the head.
        new(nameof(Failpoints.CommitTableHeadAdvance), Failpoints.CommitTableHeadAdvance, FailpointAction.CrashAfter, Crashes: false),
        // The writer dies after the publish, before the append: the heal appends.
        new(nameof(Failpoints.CommitManifestPublish), Failpoints.CommitManifestPublish, FailpointAction.CrashAfter, Crashes: true),
    ];

    [Fact]
    public async Task EachCommit_AppendsOneEntry_WithItsActorBranchCommitAndRule()
    {
        await using var host = await AuditedHostAsync(new MemoryObjectStore());
        await CrashScenario.BaselineAsync(host, BaselineActor);
        var first = await host.Client.WriteAsync(CrashScenario.Write());
        var second = await host.Client.WriteAsync(CrashScenario.Next());

        var entries = await EntriesAsync(host.Store);
        Assert.Equal(3, entries.Count);
        AssertAllowed(entries[0], BaselineActor, (await GraphAssertions.LinearHistoryAsync(host))[1].Id);
        AssertAllowed(entries[1], CrashScenario.WriteActor, first.Commit.Id);
        AssertAllowed(entries[2], CrashScenario.NextActor, second.Commit.Id);
        await AssertIntactAsync(host.Store, 3);
    }

    [Fact]
    public async Task AWriteThePolicyDenies_IsRefusedBeforeAnyEffect_AndAudited()
    {
        await using var host = await AuditedHostAsync(new MemoryObjectStore());
        await CrashScenario.BaselineAsync(host, BaselineActor);
        var head = await host.HeadAsync();

        // No actor under a policy: fail closed. A known actor without the action, and an actor of no group: denied.
        var none = await ErrorAssert.ThrowsAsync(ErrorCodes.Forbidden, () => host.Client.WriteAsync(CrashScenario.Write() with { Actor = null }));
        Assert.Contains("no actor", none.Message, StringComparison.Ordinal);
        var reader = await ErrorAssert.ThrowsAsync(ErrorCodes.Forbidden, () => host.Client.WriteAsync(CrashScenario.Write() with { Actor = "reader" }));
        Assert.Equal("policy denied action 'change' on branch 'main' for actor 'reader'", reader.Message);
        var stranger = await ErrorAssert.ThrowsAsync(ErrorCodes.Forbidden, () => host.Client.WriteAsync(CrashScenario.Write() with { Actor = "stranger" }));
        Assert.Equal("policy denied action 'change' for unknown actor 'stranger'", stranger.Message);

        Assert.Equal(head, await host.HeadAsync());
        Assert.Empty(await host.SidecarsAsync());
        Assert.False(await CrashScenario.ReadAllOrNothingAsync(host));
        var entries = await EntriesAsync(host.Store);
        Assert.Equal(4, entries.Count);
        Assert.All(entries.Skip(1), static e =>
        {
            Assert.Equal(AuditDecisionKind.Deny, e.Decision);
            Assert.Null(e.Commit);
            Assert.Null(e.Rule);
            Assert.Equal("change", e.Action);
        });
        Assert.Equal([null, "reader", "stranger"], entries.Skip(1).Select(static e => e.Actor));
        await AssertIntactAsync(host.Store, 4);
    }

    [Fact]
    public async Task AGraphWithoutAPolicy_IsNotCheckedByTheEngine_AndUnauditedCommitsAppendNothing()
    {
        await using (var open = await GraphHost.InitAsync(new MemoryObjectStore(), configure: static engine => engine.AuditWrites = true))
        {
            await CrashScenario.BaselineAsync(open);
            await open.Client.WriteAsync(CrashScenario.Write() with { Actor = null });
            var entries = await EntriesAsync(open.Store);
            Assert.Equal(2, entries.Count);
            AssertAllowed(entries[1], actor: null, (await open.HeadAsync()).Commit.Id, rule: null);
            await AssertIntactAsync(open.Store, 2);
        }

        await using var unaudited = await GraphHost.InitAsync(new MemoryObjectStore());
        await CrashScenario.BaselineAsync(unaudited);
        await unaudited.Client.WriteAsync(CrashScenario.Write());
        Assert.Empty(await EntriesAsync(unaudited.Store));
        Assert.Empty((await unaudited.Store.ListAsync("audit/")).Objects);
    }

    [Theory]
    [MemberData(nameof(WriterFailures))]
    public async Task AFailureAroundTheAppend_IsFinishedByTheNextWrite_ExactlyOneEntryPerCommit(WriterFailure failure)
    {
        await using var host = await AuditedHostAsync(new MemoryObjectStore());
        await CrashScenario.BaselineAsync(host, BaselineActor);
        var armed = host.Failpoints.Arm(failure.Point, failure.Action);
        var write = host.Client.WriteAsync(CrashScenario.Write());
        if (failure.Crashes)
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(() => write);
        }
        else
        {
            await write;
        }

        // Steps after the acknowledgement run in the commit's completion: wait for it.
        await host.Manifest.GetRecoveryStatusAsync();
        Assert.Equal(1, armed.FireCount);
        host.Failpoints.DisarmAll();
        Assert.True(await CrashScenario.ReadAllOrNothingAsync(host));

        await host.Client.WriteAsync(CrashScenario.Next());
        await CrashScenario.AssertHealedAsync(host, rolledForward: true, nextWritten: true);
        await AssertOneEntryPerCommitAsync(host);
    }

    [Fact]
    public async Task AHealThatCannotAppend_KeepsTheSidecarAndBlocksTheBranch_UntilItCan()
    {
        await using var host = await AuditedHostAsync(new MemoryObjectStore());
        await CrashScenario.BaselineAsync(host, BaselineActor);
        host.Failpoints.Arm(Failpoints.CommitManifestPublish, FailpointAction.CrashAfter);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => host.Client.WriteAsync(CrashScenario.Write()));
        host.Failpoints.DisarmAll();

        // The write is published but owes its entry: a heal that cannot append leaves the debt recorded and refuses writes.
        var heal = host.Failpoints.Arm(Failpoints.HealAuditAppend, FailpointAction.FailBefore);
        await Assert.ThrowsAsync<RecoveryRequiredException>(() => host.Client.WriteAsync(CrashScenario.Next()));
        Assert.Equal(1, heal.FireCount);
        Assert.Single(await host.SidecarsAsync());
        host.Failpoints.DisarmAll();

        await host.Client.WriteAsync(CrashScenario.Next());
        await CrashScenario.AssertHealedAsync(host, rolledForward: true, nextWritten: true);
        await AssertOneEntryPerCommitAsync(host);
    }

    [Fact]
    public async Task AWriterKilledAfterThePublish_IsAuditedByAFreshSiloThatDoesNotAudit()
    {
        using var directory = new TempDirectory();
        var first = await AuditedHostAsync(new LocalDirectoryObjectStore(directory.Path));
        await CrashScenario.BaselineAsync(first, BaselineActor);
        first.Failpoints.Arm(Failpoints.CommitManifestPublish, FailpointAction.CrashAfter);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => first.Client.WriteAsync(CrashScenario.Write()));
        await first.KillAsync();

        // The sidecar says what the write owes: whoever heals it appends, whatever its own settings.
        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        await fresh.HeadAsync();
        await CrashScenario.AssertHealedAsync(fresh, rolledForward: true, nextWritten: false);
        await AssertOneEntryPerCommitAsync(fresh);
    }

    /// <summary>
    /// Two audited writes committed in one batch, the writer killed after their publish and before the appends: the
    /// batch's one sidecar carries the entry each owes (the first as a predecessor), and a fresh silo appends both.
    /// </summary>
    [Fact]
    public async Task ABatchKilledAfterItsPublish_EachMemberIsAuditedFromTheBatchsOneSidecar()
    {
        using var directory = new TempDirectory();
        var first = await AuditedHostAsync(new LocalDirectoryObjectStore(directory.Path));
        await CrashScenario.BaselineAsync(first, BaselineActor);
        var baseVersion = (await first.HeadAsync()).ManifestVersion;
        var hold = first.Failpoints.Arm(Failpoints.CommitStagedFlush, FailpointAction.PauseBefore);
        var leader = first.Client.WriteAsync(Chained("Lead", BaselineActor));
        await hold.Fired.WaitAsync(TimeSpan.FromSeconds(30));
        var batch = new List<Task<GraphWriteResult>>();
        foreach (var (name, actor) in new[] { ("Wendy", CrashScenario.WriteActor), ("Dave", CrashScenario.NextActor) })
        {
            batch.Add(first.Client.WriteAsync(Chained(name, actor)));
            var accepted = baseVersion + 1 + batch.Count;
            for (var i = 0; i < 3000 && (await first.ManifestProtocol().BeginChainedWriteAsync(BranchNames.Main)).ManifestVersion < accepted; i++)
            {
                await Task.Delay(10);
            }
        }

        first.Failpoints.Arm(Failpoints.CommitManifestPublish, FailpointAction.CrashAfter, hit: 2);
        hold.Release();
        await leader.WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var member in batch)
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(() => member.WaitAsync(TimeSpan.FromSeconds(30)));
        }

        // The leader's own sidecar may still wait for its completion; the batch has one, carrying the first member.
        var sidecars = new List<System.Text.Json.Nodes.JsonNode>();
        foreach (var stored in (await first.Store.ListAsync(GraphObjectKeys.RecoveryPrefix)).Objects)
        {
            sidecars.Add(System.Text.Json.Nodes.JsonNode.Parse((await first.Store.GetAsync(stored.Key)).Content.Span)!);
        }

        var document = Assert.Single(sidecars, static d => d["predecessors"]!.AsArray().Count > 0);
        Assert.Equal("change", (string)document["predecessors"]![0]!["audit"]!["action"]!);
        await first.KillAsync();

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        Assert.Equal(baseVersion + 3, (await fresh.HeadAsync()).ManifestVersion);
        Assert.Empty(await fresh.SidecarsAsync());
        var entries = await AssertOneEntryPerCommitAsync(fresh);
        Assert.Equal([BaselineActor, BaselineActor, CrashScenario.WriteActor, CrashScenario.NextActor], entries.Select(static e => e.Actor));
    }

    /// <summary>A write that chains onto the commits in flight (it may be re-prepared), so it joins their batch.</summary>
    private static GraphWriteRequest Chained(string name, string actor) =>
        new(BranchNames.Main, [TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons(name))]) { Actor = actor, RetryOnReadSetChange = true };

    private static Task<GraphHost> AuditedHostAsync(IObjectStore store) =>
        GraphHost.InitAsync(store, configure: static engine =>
        {
            engine.AuditWrites = true;
            engine.GraphPolicies[GraphTestHost.GraphId] = PolicyBundleReader.Parse(Policy, "policy.yaml");
        });

    private static async Task<List<AuditEntry>> EntriesAsync(IObjectStore store)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in new AuditLog(store).ReadAllAsync())
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>The log holds exactly one allow entry per commit after genesis (in commit order), nothing else, and verifies.</summary>
    private static async Task<List<AuditEntry>> AssertOneEntryPerCommitAsync(GraphHost host)
    {
        var history = await GraphAssertions.LinearHistoryAsync(host);
        var commits = history.Where(static c => c.Kind != CommitKinds.Init).ToList();
        var entries = await EntriesAsync(host.Store);
        Assert.Equal(commits.Select(static c => c.Id), entries.Select(static e => e.Commit));
        Assert.All(entries, static e => Assert.Equal(AuditDecisionKind.Allow, e.Decision));
        Assert.Equal(commits.Select(static c => c.Actor), entries.Select(static e => e.Actor));
        await AssertIntactAsync(host.Store, entries.Count);
        return entries;
    }

    private static void AssertAllowed(AuditEntry entry, string? actor, string commit, string? rule = "writers-change")
    {
        Assert.Equal(AuditDecisionKind.Allow, entry.Decision);
        Assert.Equal(actor, entry.Actor);
        Assert.Equal("change", entry.Action);
        Assert.Equal(GraphTestHost.GraphId, entry.Graph);
        Assert.Equal(BranchNames.Main, entry.Branch);
        Assert.Equal(commit, entry.Commit);
        Assert.Equal(rule, entry.Rule);
    }

    private static async Task AssertIntactAsync(IObjectStore store, long entries)
    {
        var verification = await AuditVerifier.VerifyAsync(store);
        Assert.True(verification.IsIntact, verification.Problem?.Detail);
        Assert.Equal(entries, verification.EntryCount);
    }

    /// <summary>One case of <see cref="WriterFailures"/>.</summary>
    public sealed record WriterFailure(string Name, Failpoint Point, FailpointAction Action, bool Crashes)
    {
        public override string ToString() => $"{Name} {Action}";
    }
}
