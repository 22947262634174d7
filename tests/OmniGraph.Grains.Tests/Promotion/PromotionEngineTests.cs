using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Security;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Hosting;

namespace OmniGraph.Grains.Tests.Promotion;

/// <summary>
/// Protected branches and promotion on the engine: a protected branch refuses every direct write (whoever makes it,
/// nothing written); a promotion applies exactly the previewed change (its digest) as one audited commit, for an actor
/// the policy allows <c>promote</c>; a revert restores the target within the window, once; every bad input is typed
/// and writes nothing; a crash at the promotion's durable steps leaves the old graph or the promoted one.
/// </summary>
public sealed class PromotionEngineTests
{
    private const string Developer = "dev";
    private const string Admin = "admin";

    /// <summary>main is protected; dev and admin change unprotected branches; only admin promotes into protected ones.</summary>
    private const string Policy = """
        version: 1
        protected_branches: [main]
        groups:
          team: [dev, admin]
          admins: [admin]
        rules:
          - id: team-change
            allow: { actors: { group: team }, actions: [change], branch_scope: unprotected }
          - id: team-merge
            allow: { actors: { group: team }, actions: [branch_merge], target_branch_scope: any }
          - id: admins-promote
            allow: { actors: { group: admins }, actions: [promote], target_branch_scope: protected }
        """;

    [Fact]
    public async Task AProtectedBranch_RefusesEveryDirectWrite_NothingWritten()
    {
        var (host, _) = await ProtectedHostAsync(new MemoryObjectStore());
        await using var _host = host;
        var head = await host.HeadAsync();
        await host.Client.CreateBranchAsync("shadow/x");
        await WriteAsync(host, "shadow/x", Developer, ("Carol", 40));

        foreach (var actor in new[] { Developer, Admin })
        {
            var write = await ErrorAssert.ThrowsAsync(ErrorCodes.ProtectedBranch, () => WriteAsync(host, BranchNames.Main, actor, ("Dan", 50)));
            Assert.Contains("branch 'main' is protected", write.Message, StringComparison.Ordinal);
        }

        await ErrorAssert.ThrowsAsync(ErrorCodes.ProtectedBranch, () => host.Client.MergeBranchAsync(new BranchMergeRequest("shadow/x") { Actor = Admin }));

        // A caller that goes round the coordinators to the commit itself is refused there too.
        await ErrorAssert.ThrowsAsync(ErrorCodes.ProtectedBranch, () => host.ManifestProtocol().SubmitCommitAsync(
            new CommitRequest(Ulid.NewUlid().ToString(), BranchNames.Main, head.ManifestVersion, head.Commit.Id, [], Ulid.NewUlid().ToString(), Ulid.NewUlid().ToString(), 0) { Actor = Admin }));

        Assert.Equal(head, await host.HeadAsync());
        Assert.Empty(await host.SidecarsAsync());
        Assert.Equal(new SortedDictionary<string, string?> { ["Alice"] = "30", ["Bob"] = "25" }, await host.ValuesByIdAsync("node:Person", "age"));

        // Unprotected branches take writes and merges as before.
        await host.Client.CreateBranchAsync("feature");
        await WriteAsync(host, "feature", Developer, ("Eve", 22));
        Assert.Equal(BranchMergeOutcome.Merged, (await host.Client.MergeBranchAsync(new BranchMergeRequest("feature", "shadow/x") { Actor = Developer })).Outcome);
    }

    [Fact]
    public async Task PreviewPromoteRevert_EndToEnd_AuditedAndVerified()
    {
        var (host, time) = await ProtectedHostAsync(new MemoryObjectStore());
        await using var _host = host;
        var before = await host.HeadAsync();
        await host.Client.CreateBranchAsync("shadow/x");
        await WriteAsync(host, "shadow/x", Developer, ("Carol", 40), ("Bob", 26));
        var shadow = await host.HeadAsync("shadow/x");

        var preview = await host.Client.PreviewPromotionAsync("shadow/x", BranchNames.Main);
        Assert.Equal((BranchMergeOutcome.FastForward, shadow.Commit.Id, before.Commit.Id), (preview.Outcome, preview.SourceCommitId, preview.TargetCommitId));
        Assert.Equal([new TableMergeSummary("node:Person", 1, 1, 0)], preview.Tables.AsEnumerable());
        Assert.Matches("^[0-9a-f]{64}$", preview.Digest);
        Assert.Equal(preview.Digest, (await host.Client.PreviewPromotionAsync("shadow/x", BranchNames.Main)).Digest);
        Assert.Equal(before, await host.HeadAsync());

        var promotion = await host.Client.PromoteAsync(new PromotionRequest("shadow/x", BranchNames.Main, preview.Digest) { Actor = Admin });
        var commit = promotion.Commit;
        Assert.Equal((before.Commit.Id, shadow.Commit.Id, Admin, CommitKinds.Promote), (commit.ParentId, commit.MergedParentId, commit.Actor, commit.Kind));
        Assert.Equal((preview.Digest, before.Commit.Id), (promotion.Digest, promotion.TargetCommitId));
        Assert.Equal(new SortedDictionary<string, string?> { ["Alice"] = "30", ["Bob"] = "26", ["Carol"] = "40" }, await host.ValuesByIdAsync("node:Person", "age"));

        // main moves on (a second promotion) before the revert: the revert keeps what does not conflict with it.
        await host.Client.CreateBranchAsync("shadow/y", BranchNames.Main);
        await WriteAsync(host, "shadow/y", Developer, ("Dan", 50));
        var second = await host.Client.PreviewPromotionAsync("shadow/y", BranchNames.Main);
        var secondPromotion = await host.Client.PromoteAsync(new PromotionRequest("shadow/y", BranchNames.Main, second.Digest) { Actor = Admin });

        time.Offset = TimeSpan.FromHours(23);
        var revert = await host.Client.RevertPromotionAsync(new PromotionRevertRequest(promotion.PromotionId) { Actor = Admin });
        Assert.Equal((CommitKinds.PromoteRevert, Admin, (string?)null), (revert.Commit.Kind, revert.Commit.Actor, revert.Commit.MergedParentId));
        Assert.Equal(new SortedDictionary<string, string?> { ["Alice"] = "30", ["Bob"] = "25", ["Dan"] = "50" }, await host.ValuesByIdAsync("node:Person", "age"));

        var twice = await ErrorAssert.ThrowsAsync(ErrorCodes.PromotionAlreadyReverted, () => host.Client.RevertPromotionAsync(new PromotionRevertRequest(promotion.PromotionId) { Actor = Admin }));
        Assert.Contains(revert.Commit.Id, twice.Message, StringComparison.Ordinal);

        var entries = await EntriesAsync(host.Store);
        var promotes = entries.Where(static e => e.Action == "promote").ToList();
        Assert.Equal([promotion.Commit.Id, secondPromotion.Commit.Id, revert.Commit.Id], promotes.Select(static e => e.Commit));
        Assert.All(promotes, static e => Assert.Equal((Admin, "main", "admins-promote", AuditDecisionKind.Allow), (e.Actor, e.Branch, e.Rule, e.Decision)));
        var verification = await AuditVerifier.VerifyAsync(host.Store);
        Assert.True(verification.IsIntact, verification.Problem?.Detail);
        Assert.Equal(entries.Count, verification.EntryCount);
    }

    [Fact]
    public async Task EveryBadPromotion_IsTyped_AndWritesNothing()
    {
        var (host, time) = await ProtectedHostAsync(new MemoryObjectStore());
        await using var _host = host;
        await host.Client.CreateBranchAsync("shadow/x");
        await WriteAsync(host, "shadow/x", Developer, ("Carol", 40));
        var preview = await host.Client.PreviewPromotionAsync("shadow/x", BranchNames.Main);
        var head = await host.HeadAsync();
        var entriesBefore = (await EntriesAsync(host.Store)).Count;

        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidPromotionDigest, () => host.Client.PromoteAsync(new PromotionRequest("shadow/x", BranchNames.Main, string.Empty) { Actor = Admin }));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidPromotionDigest, () => host.Client.PromoteAsync(new PromotionRequest("shadow/x", BranchNames.Main, preview.Digest.ToUpperInvariant()) { Actor = Admin }));
        await ErrorAssert.ThrowsAsync(ErrorCodes.PromotionDigestMismatch, () => host.Client.PromoteAsync(new PromotionRequest("shadow/x", BranchNames.Main, new string('0', 64)) { Actor = Admin }));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidBranchOperation, () => host.Client.PromoteAsync(new PromotionRequest(BranchNames.Main, BranchNames.Main, preview.Digest) { Actor = Admin }));
        await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNotFound, () => host.Client.PreviewPromotionAsync("nope", BranchNames.Main));
        var denied = await ErrorAssert.ThrowsAsync(ErrorCodes.Forbidden, () => host.Client.PromoteAsync(new PromotionRequest("shadow/x", BranchNames.Main, preview.Digest) { Actor = Developer }));
        Assert.Equal("policy denied action 'promote' on branch 'shadow/x' targeting branch 'main' for actor 'dev'", denied.Message);

        // The source moved after the preview: what was reviewed is no longer what would be promoted.
        await WriteAsync(host, "shadow/x", Developer, ("Dan", 50));
        var moved = await ErrorAssert.ThrowsAsync(ErrorCodes.PromotionDigestMismatch, () => host.Client.PromoteAsync(new PromotionRequest("shadow/x", BranchNames.Main, preview.Digest) { Actor = Admin }));
        Assert.Equal(preview.Digest, moved.Get(ErrorDetail.Expected));

        Assert.Equal(head, await host.HeadAsync());
        Assert.Empty(await host.SidecarsAsync());
        Assert.Empty((await host.Store.ListAsync("promotions/")).Objects);
        var entries = await EntriesAsync(host.Store);
        Assert.Equal(entriesBefore + 2, entries.Count);
        Assert.Equal((AuditDecisionKind.Deny, "promote", Developer), (entries[^2].Decision, entries[^2].Action, entries[^2].Actor));

        // Reverts: unknown ids, then outside the window.
        await ErrorAssert.ThrowsAsync(ErrorCodes.PromotionNotFound, () => host.Client.RevertPromotionAsync(new PromotionRevertRequest("not-an-id") { Actor = Admin }));
        await ErrorAssert.ThrowsAsync(ErrorCodes.PromotionNotFound, () => host.Client.RevertPromotionAsync(new PromotionRevertRequest(Ulid.NewUlid().ToString()) { Actor = Admin }));
        var fresh = await host.Client.PreviewPromotionAsync("shadow/x", BranchNames.Main);
        var promotion = await host.Client.PromoteAsync(new PromotionRequest("shadow/x", BranchNames.Main, fresh.Digest) { Actor = Admin });
        var promoted = await host.HeadAsync();
        await ErrorAssert.ThrowsAsync(ErrorCodes.Forbidden, () => host.Client.RevertPromotionAsync(new PromotionRevertRequest(promotion.PromotionId) { Actor = Developer }));
        time.Offset = TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1);
        await ErrorAssert.ThrowsAsync(ErrorCodes.PromotionRevertWindowClosed, () => host.Client.RevertPromotionAsync(new PromotionRevertRequest(promotion.PromotionId) { Actor = Admin }));
        Assert.Equal(promoted, await host.HeadAsync());
        Assert.Empty(await host.SidecarsAsync());
    }

    [Fact]
    public async Task ARevertThatConflictsWithLaterChanges_IsRefused()
    {
        var (host, _) = await ProtectedHostAsync(new MemoryObjectStore());
        await using var _host = host;
        var promotion = await PromoteAsync(host, "shadow/x", ("Bob", 26));
        await PromoteAsync(host, "shadow/y", ("Bob", 27));
        var head = await host.HeadAsync();

        var conflict = await ErrorAssert.ThrowsAsync(ErrorCodes.PromotionRevertConflicts, () => host.Client.RevertPromotionAsync(new PromotionRevertRequest(promotion.PromotionId) { Actor = Admin }));
        Assert.Contains("Bob", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(head, await host.HeadAsync());
        Assert.DoesNotContain((await host.Store.ListAsync("promotions/")).Objects, static o => o.Key.EndsWith(".revert.json", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACrashAtThePromotionCommit_LeavesOldOrPromoted_AndARecordOnlyForAPublishedPromotion(bool afterPublish)
    {
        var store = new MemoryObjectStore();
        var (host, _) = await ProtectedHostAsync(store);
        await host.Client.CreateBranchAsync("shadow/x");
        await WriteAsync(host, "shadow/x", Developer, ("Carol", 40));
        var preview = await host.Client.PreviewPromotionAsync("shadow/x", BranchNames.Main);
        // A crash right after the publish (the commit point), or right after the sidecar (before it).
        var published = afterPublish;
        host.Failpoints.Arm(afterPublish ? Failpoints.CommitManifestPublish : Failpoints.CommitSidecarWrite, FailpointAction.CrashAfter);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => host.Client.PromoteAsync(new PromotionRequest("shadow/x", BranchNames.Main, preview.Digest) { Actor = Admin }));
        await host.KillAsync();

        var (healed, _) = await ProtectedHostAsync(store, restart: true);
        await using var _healed = healed;
        // Recovery decides: a publish that happened rolls forward; a sidecar alone may roll either way.
        var ages = await healed.ValuesByIdAsync("node:Person", "age");
        published |= ages.ContainsKey("Carol");
        var record = Assert.Single((await store.ListAsync("promotions/")).Objects);
        var promotionId = record.Key["promotions/".Length..^".json".Length];
        if (published)
        {
            // Published: rolled forward, audited once, and revertible by its id.
            Assert.Equal("40", ages["Carol"]);
            await healed.Client.RevertPromotionAsync(new PromotionRevertRequest(promotionId) { Actor = Admin });
            Assert.False((await healed.ValuesByIdAsync("node:Person", "age")).ContainsKey("Carol"));
        }
        else
        {
            // Not published: rolled back; the record names no commit, so it is no promotion; the same digest promotes again.
            Assert.False(ages.ContainsKey("Carol"));
            await ErrorAssert.ThrowsAsync(ErrorCodes.PromotionNotFound, () => healed.Client.RevertPromotionAsync(new PromotionRevertRequest(promotionId) { Actor = Admin }));
            var again = await healed.Client.PreviewPromotionAsync("shadow/x", BranchNames.Main);
            await healed.Client.PromoteAsync(new PromotionRequest("shadow/x", BranchNames.Main, again.Digest) { Actor = Admin });
            Assert.Equal("40", (await healed.ValuesByIdAsync("node:Person", "age"))["Carol"]);
        }

        var verification = await AuditVerifier.VerifyAsync(store);
        Assert.True(verification.IsIntact, verification.Problem?.Detail);
        var promotionCommits = (await healed.Manifest.ListCommitsAsync(BranchNames.Main, 100)).Where(static c => c.Kind is CommitKinds.Promote or CommitKinds.PromoteRevert).Select(static c => c.Id).Order(StringComparer.Ordinal);
        var promotionEntries = (await EntriesAsync(store)).Where(static e => e.Action == "promote" && e.Commit is not null).Select(static e => e.Commit!).Order(StringComparer.Ordinal);
        Assert.Equal(promotionCommits, promotionEntries);
    }

    [Fact]
    public async Task ACrashAfterTheRevertClaim_BeforeItsCommit_LetsTheNextRevertRun()
    {
        var store = new MemoryObjectStore();
        var (host, _) = await ProtectedHostAsync(store);
        var promotion = await PromoteAsync(host, "shadow/x", ("Carol", 40));
        host.Failpoints.Arm(Failpoints.PromotionRevertClaim, FailpointAction.CrashAfter);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => host.Client.RevertPromotionAsync(new PromotionRevertRequest(promotion.PromotionId) { Actor = Admin }));
        await host.KillAsync();

        var (healed, _) = await ProtectedHostAsync(store, restart: true);
        await using var _healed = healed;
        Assert.Equal("40", (await healed.ValuesByIdAsync("node:Person", "age"))["Carol"]);
        await healed.Client.RevertPromotionAsync(new PromotionRevertRequest(promotion.PromotionId) { Actor = Admin });
        Assert.False((await healed.ValuesByIdAsync("node:Person", "age")).ContainsKey("Carol"));
        await ErrorAssert.ThrowsAsync(ErrorCodes.PromotionAlreadyReverted, () => healed.Client.RevertPromotionAsync(new PromotionRevertRequest(promotion.PromotionId) { Actor = Admin }));
    }

    [Fact]
    public void TheRevertWindow_MustBePositive()
    {
        var options = new OmniGraph.Grains.Hosting.OmniGraphOptions { PromotionRevertWindow = TimeSpan.Zero };
        var result = new OmniGraph.Grains.Hosting.OmniGraphOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(nameof(OmniGraph.Grains.Hosting.OmniGraphOptions.PromotionRevertWindow), result.FailureMessage, StringComparison.Ordinal);
    }

    /// <summary>A graph with Alice 30 and Bob 25 on main, then served with the policy, auditing, and a shiftable clock.</summary>
    private static async Task<(GraphHost Host, ShiftableTime Time)> ProtectedHostAsync(IObjectStore store, bool restart = false)
    {
        if (!restart)
        {
            await using var seed = await GraphHost.InitAsync(store);
            await seed.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", 30, null), ("Bob", 25, null))));
        }

        var time = new ShiftableTime();
        var host = await GraphHost.StartAsync(
            store,
            static engine =>
            {
                engine.AuditWrites = true;
                engine.GraphPolicies[GraphTestHost.GraphId] = PolicyBundleReader.Parse(Policy, "policy.yaml");
            },
            time);
        return (host, time);
    }

    private static async Task<PromotionResult> PromoteAsync(GraphHost host, string shadow, params (string Name, int Age)[] people)
    {
        await host.Client.CreateBranchAsync(shadow, BranchNames.Main);
        await WriteAsync(host, shadow, Developer, people);
        var preview = await host.Client.PreviewPromotionAsync(shadow, BranchNames.Main);
        return await host.Client.PromoteAsync(new PromotionRequest(shadow, BranchNames.Main, preview.Digest) { Actor = Admin });
    }

    private static Task<GraphWriteResult> WriteAsync(GraphHost host, string branch, string actor, params (string Name, int Age)[] people) =>
        host.Client.WriteAsync(new GraphWriteRequest(branch, [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons([.. people.Select(static p => (p.Name, (int?)p.Age, (string?)null))]))]) { Actor = actor });

    private static async Task<List<AuditEntry>> EntriesAsync(IObjectStore store)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in new AuditLog(store).ReadAllAsync())
        {
            entries.Add(entry);
        }

        return entries;
    }
}
