using System.Text;
using OmniGraph.Security.Audit;
using OmniGraph.Security.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.IO;

namespace OmniGraph.Security.Tests.Audit;

/// <summary>
/// Tampering with a log of six entries, each way: the verifier names the first bad entry and the kind, and reports
/// every entry before it as sound.
/// </summary>
public sealed class AuditTamperingTests
{
    private const int Count = 6;
    private readonly MemoryObjectStore _store = new();

    [Fact]
    public async Task UntouchedLog_IsIntact()
    {
        await AuditFixtures.FilledAsync(_store, Count);

        var verification = await AuditVerifier.VerifyAsync(_store);

        Assert.True(verification.IsIntact);
        Assert.Equal(Count, verification.HeadSeq);
    }

    [Fact]
    public async Task EmptyLog_IsIntact()
    {
        var verification = await AuditVerifier.VerifyAsync(_store);

        Assert.True(verification.IsIntact);
        Assert.Equal(0, verification.EntryCount);
        Assert.Equal(AuditCanonical.GenesisHash, verification.HeadHash);
    }

    [Theory]
    [InlineData("actor", "act-mallory")]
    [InlineData("decision", "deny")]
    [InlineData("branch", "other")]
    [InlineData("seq", null)]
    public async Task ModifiedField_IsModified(string field, string? value)
    {
        await AuditFixtures.FilledAsync(_store, Count);
        var json = await AuditFixtures.ReadJsonAsync(_store, AuditKeys.Entry(4));
        if (field == "seq")
        {
            json["seq"] = 4; // the same value written another way would not count; change a number that is hashed
            json["time"] = "2030-01-01T00:00:00.000000Z";
        }
        else
        {
            json[field] = value;
        }

        await AuditFixtures.WriteJsonAsync(_store, AuditKeys.Entry(4), json);

        await AssertProblemAsync(4, AuditProblemKind.Modified);
    }

    [Fact]
    public async Task RemovedEntry_IsRemoved()
    {
        await AuditFixtures.FilledAsync(_store, Count);
        await _store.DeleteAsync(AuditKeys.Entry(3), WriteCondition.None);

        var problem = await AssertProblemAsync(3, AuditProblemKind.Removed);
        Assert.Contains("entry 3 is missing", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoRemovedEntries_AreNamedAsARange()
    {
        await AuditFixtures.FilledAsync(_store, Count);
        await _store.DeleteAsync(AuditKeys.Entry(2), WriteCondition.None);
        await _store.DeleteAsync(AuditKeys.Entry(3), WriteCondition.None);

        var problem = await AssertProblemAsync(2, AuditProblemKind.Removed);
        Assert.Contains("entries 2 to 3 are missing", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwappedEntries_AreReordered()
    {
        await AuditFixtures.FilledAsync(_store, Count);
        var third = await AuditFixtures.ReadBytesAsync(_store, AuditKeys.Entry(3));
        var fourth = await AuditFixtures.ReadBytesAsync(_store, AuditKeys.Entry(4));
        await _store.PutAsync(AuditKeys.Entry(3), fourth, WriteCondition.None);
        await _store.PutAsync(AuditKeys.Entry(4), third, WriteCondition.None);

        var problem = await AssertProblemAsync(3, AuditProblemKind.Reordered);
        Assert.Contains("holds entry 4", problem.Detail, StringComparison.Ordinal);
    }

    /// <summary>A forged entry, correctly hashed onto entry 2, put in at 3 with the original 3..6 shifted to 4..7.</summary>
    [Fact]
    public async Task ForgedEntryInsertedWithTheRestShifted_IsInserted()
    {
        var log = await AuditFixtures.FilledAsync(_store, Count);
        var entries = await log.ReadAllAsync().ToListAsync();
        for (var seq = Count; seq >= 3; seq--)
        {
            await AuditFixtures.MoveAsync(_store, AuditKeys.Entry(seq), AuditKeys.Entry(seq + 1));
        }

        var forged = entries[2] with { Actor = "act-mallory", Commit = "FORGED", PreviousHash = entries[1].Hash, Hash = string.Empty };
        forged = forged with { Hash = AuditCanonical.ComputeHash(forged) };
        await _store.PutAsync(AuditKeys.Entry(3), AuditDocuments.Serialize(forged), WriteCondition.None);

        var problem = await AssertProblemAsync(3, AuditProblemKind.Inserted);
        Assert.Contains("now sits at 4", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedEntryAppended_WithABadLink_IsABrokenLink()
    {
        var log = await AuditFixtures.FilledAsync(_store, Count);
        var last = (await log.ReadAllAsync().ToListAsync())[^1];
        var forged = last with { Seq = Count + 1, Actor = "act-mallory", PreviousHash = new string('a', 64), Hash = string.Empty };
        forged = forged with { Hash = AuditCanonical.ComputeHash(forged) };
        await _store.PutAsync(AuditKeys.Entry(Count + 1), AuditDocuments.Serialize(forged), WriteCondition.None);

        await AssertProblemAsync(Count + 1, AuditProblemKind.BrokenLink);
    }

    /// <summary>Entry 3 rewritten with a fresh, self-consistent hash: entry 4 no longer links to it.</summary>
    [Fact]
    public async Task RehashedEntry_BreaksTheNextLink()
    {
        var log = await AuditFixtures.FilledAsync(_store, Count);
        var third = (await log.ReadAllAsync().ToListAsync())[2] with { Actor = "act-mallory", Hash = string.Empty };
        third = third with { Hash = AuditCanonical.ComputeHash(third) };
        await _store.PutAsync(AuditKeys.Entry(3), AuditDocuments.Serialize(third), WriteCondition.None);

        await AssertProblemAsync(4, AuditProblemKind.BrokenLink);
    }

    /// <summary>The newest entry rewritten with a fresh hash: only the tail record still remembers the real one.</summary>
    [Fact]
    public async Task RehashedNewestEntry_IsCaughtByTheTailRecord()
    {
        var log = await AuditFixtures.FilledAsync(_store, Count);
        var last = (await log.ReadAllAsync().ToListAsync())[^1] with { Actor = "act-mallory", Hash = string.Empty };
        last = last with { Hash = AuditCanonical.ComputeHash(last) };
        await _store.PutAsync(AuditKeys.Entry(Count), AuditDocuments.Serialize(last), WriteCondition.None);

        var problem = await AssertProblemAsync(Count, AuditProblemKind.BrokenLink);
        Assert.Contains("rewritten", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedLog_IsRemoved()
    {
        await AuditFixtures.FilledAsync(_store, Count);
        await _store.DeleteAsync(AuditKeys.Entry(Count), WriteCondition.None);
        await _store.DeleteAsync(AuditKeys.Entry(Count - 1), WriteCondition.None);

        var problem = await AssertProblemAsync(Count - 1, AuditProblemKind.Removed);
        Assert.Contains("truncated", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedEntryBytes_AreUnreadable()
    {
        await AuditFixtures.FilledAsync(_store, Count);
        var bytes = await AuditFixtures.ReadBytesAsync(_store, AuditKeys.Entry(2));
        await _store.PutAsync(AuditKeys.Entry(2), bytes.AsMemory(0, bytes.Length / 2), WriteCondition.None);

        await AssertProblemAsync(2, AuditProblemKind.Unreadable);
    }

    /// <summary>Every single byte of entry 2 flipped in turn: each flip is detected at entry 2 (a flip that keeps the JSON well-formed changes a hashed value or the hash).</summary>
    [Fact]
    public async Task AnyFlippedByte_IsDetectedAtItsEntry()
    {
        await AuditFixtures.FilledAsync(_store, Count);
        var original = await AuditFixtures.ReadBytesAsync(_store, AuditKeys.Entry(2));
        var kinds = new HashSet<AuditProblemKind>();
        for (var i = 0; i < original.Length; i++)
        {
            var flipped = (byte[])original.Clone();
            flipped[i] ^= 0x01;
            await _store.PutAsync(AuditKeys.Entry(2), flipped, WriteCondition.None);

            var problem = (await AuditVerifier.VerifyAsync(_store)).Problem;

            Assert.True(problem is not null, $"flipping byte {i} ('{(char)original[i]}') went unnoticed");
            Assert.Equal(2, problem.Seq);
            kinds.Add(problem.Kind);
        }

        Assert.Contains(AuditProblemKind.Unreadable, kinds);
        Assert.Contains(AuditProblemKind.Modified, kinds);
    }

    /// <summary>On a local directory the store's own checksum refuses a flipped byte: reported as unreadable, not thrown.</summary>
    [Fact]
    public async Task FlippedByteOnDisk_IsUnreadable()
    {
        using var directory = new TempDirectory();
        var store = new LocalDirectoryObjectStore(directory.Path);
        await AuditFixtures.FilledAsync(store, Count);
        var file = StoreFiles.PathOf(directory.Path, AuditKeys.Entry(3));
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^10] ^= 0x20;
        await File.WriteAllBytesAsync(file, bytes);

        var problem = (await AuditVerifier.VerifyAsync(store)).Problem!;

        Assert.Equal(3, problem.Seq);
        Assert.Equal(AuditProblemKind.Unreadable, problem.Kind);
    }

    [Fact]
    public async Task StrayObjectAmongEntries_IsInserted()
    {
        await AuditFixtures.FilledAsync(_store, Count);
        await _store.PutAsync(AuditKeys.EntriesPrefix + "00000000000000000003.json.bak", Encoding.UTF8.GetBytes("{}"), WriteCondition.None);

        await AssertProblemAsync(4, AuditProblemKind.Inserted);
    }

    private async Task<AuditProblem> AssertProblemAsync(long seq, AuditProblemKind kind)
    {
        var verification = await AuditVerifier.VerifyAsync(_store);

        Assert.False(verification.IsIntact, "the tampering went unnoticed");
        var problem = verification.Problem!;
        Assert.Equal(kind, problem.Kind);
        Assert.Equal(seq, problem.Seq);
        Assert.Equal(seq - 1, verification.EntryCount);
        return problem;
    }
}
