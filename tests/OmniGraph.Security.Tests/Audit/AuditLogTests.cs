using System.Security.Cryptography;
using System.Text;
using OmniGraph.Security.Audit;
using OmniGraph.Security.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.IO;

namespace OmniGraph.Security.Tests.Audit;

/// <summary>Appending, the stored and canonical forms, idempotency across crashes, tail cost, and strict reading.</summary>
public sealed class AuditLogTests
{
    private readonly MemoryObjectStore _store = new();

    [Fact]
    public async Task Appends_FormOneChain_ThatVerifies()
    {
        var log = await AuditFixtures.FilledAsync(_store, 7);

        var entries = await log.ReadAllAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(1, 7).Select(static i => (long)i), entries.Select(static e => e.Seq));
        Assert.Equal(AuditCanonical.GenesisHash, entries[0].PreviousHash);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
            Assert.True(entries[i].Time > entries[i - 1].Time);
        }

        Assert.Equal(AuditFixtures.Record(0).Commit, entries[0].Commit);
        Assert.Equal("deny", entries[1].Decision == AuditDecisionKind.Deny ? "deny" : "allow");
        Assert.Null(entries[2].Actor);
        Assert.Equal("branch_merge", entries[2].Action);
        var verification = await AuditVerifier.VerifyAsync(_store);
        Assert.True(verification.IsIntact, verification.Problem?.Detail);
        Assert.Equal(7, verification.EntryCount);
        Assert.Equal(entries[^1].Hash, verification.HeadHash);
    }

    [Fact]
    public async Task Hash_IsSha256OfTheCanonicalEntryAndThePreviousHash()
    {
        var log = new AuditLog(_store, time: new ManualClock(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        var first = (await log.AppendAsync(new AuditRecord("act-\"q\"\n", PolicyAction.Change, "g", "main", "01JCOMMIT", AuditDecisionKind.Allow, "r1"))).Entry;
        var second = (await log.AppendAsync(new AuditRecord(null, PolicyAction.Read, "g", null, null, AuditDecisionKind.Deny, null))).Entry;

        const string canonical1 = """{"format":2,"seq":1,"time":"2025-01-02T03:04:05.000001Z","actor":"act-\"q\"\n","action":"change","graph":"g","branch":"main","commit":"01JCOMMIT","decision":"allow","rule":"r1","source_branch":null,"diff_digest":null}""";
        Assert.Equal(canonical1, Encoding.UTF8.GetString(AuditCanonical.Canonical(first)));
        Assert.Equal(Sha(Encoding.UTF8.GetBytes(canonical1).Concat(new byte[32])), first.Hash);
        const string canonical2 = """{"format":2,"seq":2,"time":"2025-01-02T03:04:05.000003Z","actor":null,"action":"read","graph":"g","branch":null,"commit":null,"decision":"deny","rule":null,"source_branch":null,"diff_digest":null}""";
        Assert.Equal(Sha(Encoding.UTF8.GetBytes(canonical2).Concat(Convert.FromHexString(first.Hash))), second.Hash);

        var stored = Encoding.UTF8.GetString((await _store.GetAsync(AuditKeys.Entry(1))).Content.Span);
        Assert.StartsWith("""{"format":2,"seq":1,"time":"2025-01-02T03:04:05.000001Z","actor":"act-\u0022q\u0022\n",""", stored, StringComparison.Ordinal);
        Assert.EndsWith($"\"prev_hash\":\"{AuditCanonical.GenesisHash}\",\"hash\":\"{first.Hash}\",\"source_branch\":null,\"diff_digest\":null}}", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APromotionEntry_HashesItsSourceBranchAndDiffDigest()
    {
        var log = new AuditLog(_store, time: new ManualClock(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        var digest = new string('a', 64);
        var record = new AuditRecord("act-rev", PolicyAction.Promote, "g", "main", "01JCOMMIT", AuditDecisionKind.Allow, "promote") { SourceBranch = "shadow/x", DiffDigest = digest };
        var entry = (await log.AppendAsync(record)).Entry;

        var canonical = $$"""{"format":2,"seq":1,"time":"2025-01-02T03:04:05.000001Z","actor":"act-rev","action":"promote","graph":"g","branch":"main","commit":"01JCOMMIT","decision":"allow","rule":"promote","source_branch":"shadow/x","diff_digest":"{{digest}}"}""";
        Assert.Equal(Sha(Encoding.UTF8.GetBytes(canonical).Concat(new byte[32])), entry.Hash);
        var read = Assert.Single(await log.ReadAllAsync().ToListAsync());
        Assert.Equal(("shadow/x", digest, 2), (read.SourceBranch, read.DiffDigest, read.Format));
        Assert.True((await AuditVerifier.VerifyAsync(_store)).IsIntact);

        // A changed digest is a modified entry; a malformed one is refused before anything is written.
        var json = await AuditFixtures.ReadJsonAsync(_store, AuditKeys.Entry(1));
        json["diff_digest"] = new string('b', 64);
        await AuditFixtures.WriteJsonAsync(_store, AuditKeys.Entry(1), json);
        Assert.Equal(AuditProblemKind.Modified, (await AuditVerifier.VerifyAsync(_store)).Problem!.Kind);
        var bad = await Assert.ThrowsAsync<AuditLogException>(() => log.AppendAsync(record with { DiffDigest = "XYZ" }));
        Assert.Equal(ErrorCodes.AuditInvalidRecord, bad.Code);
    }

    [Fact]
    public async Task EntriesOfFormat1_StillVerify_AndTheChainContinuesInFormat2()
    {
        // An entry exactly as a build of format 1 wrote it: no format, source or digest in its canonical form.
        const string canonical = """{"seq":1,"time":"2025-01-02T03:04:05.000001Z","actor":"act-a","action":"change","graph":"g","branch":"main","commit":"01JCOMMIT","decision":"allow","rule":"r1"}""";
        var hash = Sha(Encoding.UTF8.GetBytes(canonical).Concat(new byte[32]));
        var stored = $$"""{"format":1,"seq":1,"time":"2025-01-02T03:04:05.000001Z","actor":"act-a","action":"change","graph":"g","branch":"main","commit":"01JCOMMIT","decision":"allow","rule":"r1","prev_hash":"{{AuditCanonical.GenesisHash}}","hash":"{{hash}}"}""";
        await _store.PutAsync(AuditKeys.Entry(1), Encoding.UTF8.GetBytes(stored), WriteCondition.IfNotExists);

        var log = new AuditLog(_store);
        var second = (await log.AppendAsync(new AuditRecord("act-b", PolicyAction.Change, "g", "main", "01JCOMMIT2", AuditDecisionKind.Allow, "r1"))).Entry;
        Assert.Equal((2L, 2, hash), (second.Seq, second.Format, second.PreviousHash));
        var entries = await log.ReadAllAsync().ToListAsync();
        Assert.Equal([1, 2], entries.Select(static e => e.Format));
        var verification = await AuditVerifier.VerifyAsync(_store);
        Assert.True(verification.IsIntact, verification.Problem?.Detail);

        // Passing the format-1 entry off as format 2 (or giving it promotion members) breaks it.
        var json = await AuditFixtures.ReadJsonAsync(_store, AuditKeys.Entry(1));
        json["format"] = 2;
        await AuditFixtures.WriteJsonAsync(_store, AuditKeys.Entry(1), json);
        Assert.Equal(AuditProblemKind.Modified, (await AuditVerifier.VerifyAsync(_store)).Problem!.Kind);
        json["format"] = 1;
        json["source_branch"] = "x";
        await AuditFixtures.WriteJsonAsync(_store, AuditKeys.Entry(1), json);
        Assert.Equal(AuditProblemKind.Unreadable, (await AuditVerifier.VerifyAsync(_store)).Problem!.Kind);
    }

    [Fact]
    public async Task SameCommitAndAction_IsRecordedOnce_OtherActionsAgain()
    {
        var log = new AuditLog(_store);
        var record = new AuditRecord("act-a", PolicyAction.Change, "g", "main", "C1", AuditDecisionKind.Allow, null);

        var first = await log.AppendAsync(record);
        await log.AppendAsync(AuditFixtures.Record(1));
        var again = await log.AppendAsync(record with { Actor = "act-b" });
        var merge = await log.AppendAsync(record with { Action = PolicyAction.BranchMerge });

        Assert.True(first.Appended);
        Assert.False(again.Appended);
        Assert.Equal(first.Entry, again.Entry);
        Assert.True(merge.Appended);
        Assert.Equal(3, (await log.ReadAllAsync().ToListAsync()).Count);
    }

    /// <summary>A crash after the claim, before the entry: the next append of the pair writes the entry.</summary>
    [Fact]
    public async Task CrashBeforeTheEntry_IsCompletedByTheNextAppend()
    {
        var faulty = new FaultyObjectStore(_store) { FailPut = static (key, _) => key.StartsWith(AuditKeys.EntriesPrefix, StringComparison.Ordinal) };
        var record = new AuditRecord("act-a", PolicyAction.Change, "g", "main", "C1", AuditDecisionKind.Allow, null);
        await new AuditLog(_store).AppendAsync(AuditFixtures.Record(1));

        await Assert.ThrowsAsync<IOException>(() => new AuditLog(faulty).AppendAsync(record));
        Assert.Single(await new AuditLog(_store).ReadAllAsync().ToListAsync());

        var healed = await new AuditLog(_store).AppendAsync(record);

        Assert.True(healed.Appended);
        Assert.Equal(2, healed.Entry.Seq);
        Assert.Equal(2, (await ClaimAsync("C1", PolicyAction.Change)).Seq);
        Assert.False((await new AuditLog(_store).AppendAsync(record)).Appended);
    }

    /// <summary>A crash after the entry, before the claim records it: the next append finds the entry and writes nothing.</summary>
    [Fact]
    public async Task CrashAfterTheEntry_IsFoundByTheNextAppend_NotWrittenTwice()
    {
        var faulty = new FaultyObjectStore(_store)
        {
            FailPut = static (key, condition) => key.StartsWith(AuditKeys.ClaimsPrefix, StringComparison.Ordinal) && condition.Kind == WriteConditionKind.IfMatch,
        };
        var record = new AuditRecord("act-a", PolicyAction.Change, "g", "main", "C1", AuditDecisionKind.Allow, null);

        await Assert.ThrowsAsync<IOException>(() => new AuditLog(faulty).AppendAsync(record));
        Assert.Null((await ClaimAsync("C1", PolicyAction.Change)).Seq);
        // Other writers append meanwhile: the search runs from the claimed tail, past them.
        var other = new AuditLog(_store);
        await other.AppendAsync(AuditFixtures.Record(1));
        await other.AppendAsync(AuditFixtures.Record(4));

        var healed = await new AuditLog(_store).AppendAsync(record);

        Assert.False(healed.Appended);
        Assert.Equal(1, healed.Entry.Seq);
        Assert.Equal(1, (await ClaimAsync("C1", PolicyAction.Change)).Seq);
        Assert.Single(await new AuditLog(_store).ReadAllAsync().Where(static e => e.Commit == "C1").ToListAsync());
        Assert.True((await AuditVerifier.VerifyAsync(_store)).IsIntact);
    }

    /// <summary>
    /// A writer appends its commit's entry while another process's heal appends the same (commit, action): the heal finds
    /// the writer's claim unfilled and writes the entry; the writer then loses that seq, reads it, and returns the heal's
    /// entry. One entry, one claim, both appends succeed (before, the writer appended a second entry and failed to fill
    /// the claim with audit_append_contended).
    /// </summary>
    [Fact]
    public async Task SamePair_AppendedByTwoAtOnce_IsWrittenOnce_AndBothSucceed()
    {
        await new AuditLog(_store).AppendAsync(AuditFixtures.Record(1));
        var record = new AuditRecord("act-a", PolicyAction.Change, "g", "main", "C1", AuditDecisionKind.Allow, null);
        var claimed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new FaultyObjectStore(_store)
        {
            BeforePut = (key, _) =>
            {
                if (!key.StartsWith(AuditKeys.EntriesPrefix, StringComparison.Ordinal))
                {
                    return Task.CompletedTask;
                }

                claimed.TrySetResult();
                return release.Task;
            },
        };

        var writer = new AuditLog(held).AppendAsync(record);
        await claimed.Task; // the writer's claim exists, its entry is not written
        var heal = await new AuditLog(_store).AppendAsync(record with { Actor = "omnigraph:recovery" });
        release.SetResult();
        var written = await writer;

        Assert.True(heal.Appended);
        Assert.False(written.Appended);
        Assert.Equal(heal.Entry, written.Entry);
        Assert.Equal(2, written.Entry.Seq);
        Assert.Equal(2, (await ClaimAsync("C1", PolicyAction.Change)).Seq);
        Assert.Single(await new AuditLog(_store).ReadAllAsync().Where(static e => e.Commit == "C1").ToListAsync());
        Assert.True((await AuditVerifier.VerifyAsync(_store)).IsIntact);
    }

    /// <summary>Six appends of one pair at once with two other appends, twenty pairs: each pair written once, every append told its entry.</summary>
    [Fact]
    public async Task SamePair_RacedBySix_IsWrittenOnce_OnALocalDirectory()
    {
        using var directory = new TempDirectory();
        var store = new LocalDirectoryObjectStore(directory.Path);
        for (var pair = 0; pair < 20; pair++)
        {
            var record = new AuditRecord("act-a", PolicyAction.Change, "g", "main", $"C{pair}", AuditDecisionKind.Allow, null);
            var pairAppends = Enumerable.Range(0, 6).Select(i => Task.Run(() => new AuditLog(store).AppendAsync(record with { Actor = $"act-{i}" }))).ToList();
            var otherAppends = Enumerable.Range(0, 2).Select(_ => Task.Run(() => new AuditLog(store).AppendAsync(AuditFixtures.Record(1)))).ToList();
            await Task.WhenAll(otherAppends);
            var ofPair = await Task.WhenAll(pairAppends);

            Assert.Single(ofPair, static r => r.Appended);
            Assert.Single(ofPair.Select(static r => r.Entry.Seq).Distinct());
        }

        var entries = await new AuditLog(store).ReadAllAsync().ToListAsync();
        Assert.Equal(20, entries.Count(static e => e.Commit is not null && e.Commit.StartsWith('C')));
        Assert.Equal(20, entries.Where(static e => e.Commit is not null && e.Commit.StartsWith('C')).Select(static e => e.Commit).Distinct().Count());
        var verification = await AuditVerifier.VerifyAsync(store);
        Assert.True(verification.IsIntact, verification.Problem?.Detail);
    }

    /// <summary>An append costs the same number of store requests after 10 entries and after 1,000: the tail is never searched from the start.</summary>
    [Fact]
    public async Task AppendCost_DoesNotGrowWithTheLog()
    {
        var counting = new CountingObjectStore(_store);
        var log = new AuditLog(counting);
        for (var i = 0; i < 10; i++)
        {
            await log.AppendAsync(AuditFixtures.Record(1));
        }

        var early = await CostOfOneAppendAsync(counting, log);
        for (var i = 0; i < 990; i++)
        {
            await log.AppendAsync(AuditFixtures.Record(1));
        }

        var late = await CostOfOneAppendAsync(counting, log);
        Assert.Equal(early, late);
        Assert.Equal(0, late.Lists);
        Assert.InRange(late.Gets + late.PropertyReads + late.Writes, 1, 8);

        // Without the tail record the gallop finds the end in about 2·log2(n) probes, not n.
        await _store.DeleteAsync(AuditKeys.Tail, WriteCondition.None);
        var lost = await CostOfOneAppendAsync(counting, log);
        Assert.InRange(lost.PropertyReads, 1, 2 * 11);
        Assert.Equal(1003, (await AuditVerifier.VerifyAsync(_store)).EntryCount);
    }

    [Fact]
    public async Task ConcurrentAppenders_OnALocalDirectory_LoseAndForkNothing()
    {
        using var directory = new TempDirectory();
        var store = new LocalDirectoryObjectStore(directory.Path);
        const int Writers = 12;
        const int Each = 15;

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var log = new AuditLog(store);
            var seqs = new List<long>();
            for (var i = 0; i < Each; i++)
            {
                var record = new AuditRecord($"w{w}", PolicyAction.Change, "g", "main", $"w{w}-{i}", AuditDecisionKind.Allow, null);
                seqs.Add((await log.AppendAsync(record)).Entry.Seq);
            }

            return seqs;
        })));

        var all = results.SelectMany(static s => s).ToList();
        Assert.Equal(Enumerable.Range(1, Writers * Each).Select(static i => (long)i), all.Order());
        Assert.All(results, static seqs => Assert.Equal(seqs.Order(), seqs));
        var entries = await new AuditLog(store).ReadAllAsync().ToListAsync();
        Assert.Equal(Writers * Each, entries.Select(static e => e.Commit).Distinct().Count());
        var verification = await AuditVerifier.VerifyAsync(store);
        Assert.True(verification.IsIntact, verification.Problem?.Detail);
    }

    [Fact]
    public async Task AppendOntoARemovedTail_IsRefused()
    {
        var log = await AuditFixtures.FilledAsync(_store, 5);
        await _store.DeleteAsync(AuditKeys.Entry(5), WriteCondition.None);

        var error = await Assert.ThrowsAsync<AuditLogException>(() => log.AppendAsync(AuditFixtures.Record(1)));

        Assert.Equal(ErrorCodes.AuditEntryCorrupt, error.Code);
        Assert.Equal(AuditKeys.Entry(5), error.Key);
        Assert.False(await _store.GetPropertiesAsync(AuditKeys.Entry(6)) is not null);
    }

    public static TheoryData<AuditRecord> InvalidRecords => new()
    {
        new AuditRecord("a", PolicyAction.Change, " ", "main", null, AuditDecisionKind.Allow, null),
        new AuditRecord("", PolicyAction.Change, "g", "main", null, AuditDecisionKind.Allow, null),
        new AuditRecord("a", PolicyAction.Change, "g", "", null, AuditDecisionKind.Allow, null),
        new AuditRecord("a", PolicyAction.Change, "g", "main", "C/1", AuditDecisionKind.Allow, null),
        new AuditRecord("a", PolicyAction.Change, "g", "main", "C1", AuditDecisionKind.Deny, null),
        new AuditRecord("a\ud800", PolicyAction.Change, "g", "main", null, AuditDecisionKind.Allow, null),
        new AuditRecord("a", (PolicyAction)99, "g", "main", null, AuditDecisionKind.Allow, null),
        new AuditRecord("a", PolicyAction.Change, "g", "main", null, (AuditDecisionKind)7, null),
    };

    [Theory]
    [MemberData(nameof(InvalidRecords))]
    public async Task InvalidRecord_IsRefused_AndNothingIsWritten(AuditRecord record)
    {
        var error = await Assert.ThrowsAsync<AuditLogException>(() => new AuditLog(_store).AppendAsync(record));

        Assert.Equal(ErrorCodes.AuditInvalidRecord, error.Code);
        Assert.Empty((await _store.ListAsync("")).Objects);
    }

    [Fact]
    public async Task FromDecision_RecordsTheDecisionsFields()
    {
        var allowed = PolicyFixtures.Evaluator().Evaluate(new AccessRequest("act-ragnor", PolicyAction.BranchMerge, "g", "feature", "main"));
        var denied = PolicyFixtures.Evaluator().Evaluate(new AccessRequest("act-bruno", PolicyAction.Change, "g", "main"));

        Assert.Equal(new AuditRecord("act-ragnor", PolicyAction.BranchMerge, "g", "main", "C9", AuditDecisionKind.Allow, "admins-merge"), AuditRecord.FromDecision(allowed, commit: "C9"));
        Assert.Equal(new AuditRecord("act-bruno", PolicyAction.Change, "g", "main", null, AuditDecisionKind.Deny, null), AuditRecord.FromDecision(denied, commit: "C9"));
    }

    [Fact]
    public async Task Entries_AreReadStrictly()
    {
        var log = await AuditFixtures.FilledAsync(_store, 2);
        var json = await AuditFixtures.ReadJsonAsync(_store, AuditKeys.Entry(2));
        json["note"] = "extra";
        await AuditFixtures.WriteJsonAsync(_store, AuditKeys.Entry(2), json);

        var unknown = await Assert.ThrowsAsync<AuditLogException>(async () => await log.ReadAllAsync().ToListAsync());
        Assert.Equal(ErrorCodes.AuditEntryCorrupt, unknown.Code);

        json.Remove("note");
        json["format"] = 3;
        await AuditFixtures.WriteJsonAsync(_store, AuditKeys.Entry(2), json);
        var newer = await Assert.ThrowsAsync<AuditLogException>(async () => await log.ReadAllAsync().ToListAsync());
        Assert.Equal(ErrorCodes.AuditUnsupportedFormat, newer.Code);
        Assert.Contains("upgrade omnigraph", newer.Message, StringComparison.Ordinal);
    }

    private static async Task<ObjectStoreRequestCounts> CostOfOneAppendAsync(CountingObjectStore counting, AuditLog log)
    {
        counting.Reset();
        await log.AppendAsync(AuditFixtures.Record(1));
        return counting.Snapshot();
    }

    private async Task<AuditClaimDocument> ClaimAsync(string commit, PolicyAction action)
    {
        var key = AuditKeys.Claim(commit, action);
        return AuditDocuments.ReadClaim(key, (await _store.GetAsync(key)).Content.Span, commit, action.Name());
    }

    private static string Sha(IEnumerable<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()));
}
