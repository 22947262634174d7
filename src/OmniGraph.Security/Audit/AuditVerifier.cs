using OmniGraph.Security.Audit;
using OmniGraph.Storage;

namespace OmniGraph.Security;

/// <summary>
/// Walks a graph's audit chain in order and reports the first bad entry and what is wrong with it
/// (<see cref="AuditProblemKind"/>). Per entry <c>n</c>, in this order: a gap before it is <c>removed</c>; a damaged
/// object is <c>unreadable</c>; an entry at another's place is <c>reordered</c> — or <c>inserted</c>, when it is the
/// previous entry's original and the previous one is a well-formed newcomer; content that does not match its hash is
/// <c>modified</c>; a previous-hash that is not the previous entry's hash is <c>broken_link</c>. After the walk, a tail
/// record naming an entry past the last one means the log was truncated (<c>removed</c>), and one remembering another
/// hash for its entry means the chain was rewritten (<c>broken_link</c>).
/// <para>
/// What it proves: the entries form one unbroken chain from the first. What it cannot prove alone: that nobody rewrote
/// the whole chain from some point on and deleted the tail record — SHA-256 has no secret. Compare
/// <see cref="AuditVerification.HeadHash"/> with a copy kept elsewhere to close that.
/// </para>
/// </summary>
public static class AuditVerifier
{
    /// <summary>Verifies the audit log of the graph whose root is <paramref name="store"/>.</summary>
    public static async Task<AuditVerification> VerifyAsync(IObjectStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        // The tail record is read before the entries are listed: an append that lands during the walk then only adds
        // entries after the one it names, never makes it name one the listing has not seen.
        AuditTailDocument? tailRecord = null;
        try
        {
            if (await GetAsync(store, AuditKeys.Tail, cancellationToken).ConfigureAwait(false) is { } tail)
            {
                tailRecord = AuditDocuments.ReadTail(AuditKeys.Tail, tail.Content.Span);
            }
        }
        catch (Exception exception) when (exception is AuditLogException or CorruptObjectException)
        {
            return new AuditVerification(0, 0, AuditCanonical.GenesisHash, new AuditProblem(0, AuditProblemKind.Unreadable, AuditKeys.Tail, exception.Message));
        }

        var walk = new Walk(tailRecord?.Seq);
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(AuditKeys.EntriesPrefix, continuation, 1000, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Objects)
            {
                var seq = AuditKeys.SeqOf(item.Key);
                if (seq is null)
                {
                    return walk.Fail(walk.Expected, AuditProblemKind.Inserted, item.Key, "an object that is not an audit entry sits among the entries");
                }

                StoredObject? stored;
                try
                {
                    stored = await GetAsync(store, item.Key, cancellationToken).ConfigureAwait(false);
                }
                catch (CorruptObjectException exception)
                {
                    // The store's own checksum refused the bytes: damage below the entry's JSON.
                    return walk.Fail(seq.Value, AuditProblemKind.Unreadable, item.Key, exception.Message);
                }

                if (stored is null)
                {
                    continue; // deleted since it was listed: the next key shows the gap
                }

                if (walk.Step(item.Key, seq.Value, stored.Content) is { } failure)
                {
                    return failure;
                }
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return walk.Finish(tailRecord);
    }

    private static async Task<StoredObject?> GetAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The state of the walk: the next expected seq, the chain so far, and the previous entry (for insertions).</summary>
    private sealed class Walk(long? rememberedSeq)
    {
        private string? _rememberedHash;
        private string _beforeRemembered = AuditCanonical.GenesisHash;
        private string _headHash = AuditCanonical.GenesisHash;
        private string _hashBeforePrevious = AuditCanonical.GenesisHash;
        private AuditEntry? _previous;

        public long Expected { get; private set; } = 1;

        public AuditVerification? Step(string key, long seq, ReadOnlyMemory<byte> content)
        {
            if (seq > Expected)
            {
                var missing = seq - 1 == Expected ? $"entry {Expected} is missing" : $"entries {Expected} to {seq - 1} are missing";
                return Fail(Expected, AuditProblemKind.Removed, AuditKeys.Entry(Expected), missing);
            }

            AuditEntry entry;
            try
            {
                entry = AuditDocuments.ReadEntry(key, content.Span);
            }
            catch (AuditLogException exception)
            {
                return Fail(seq, AuditProblemKind.Unreadable, key, exception.Message);
            }

            if (entry.Seq != seq)
            {
                return Misplaced(key, seq, entry);
            }

            if (AuditCanonical.ComputeHash(entry) != entry.Hash)
            {
                return Fail(seq, AuditProblemKind.Modified, key, "its content does not match its hash: a field was changed after it was written");
            }

            if (entry.PreviousHash != _headHash)
            {
                return Fail(seq, AuditProblemKind.BrokenLink, key, $"its prev_hash is not the hash of entry {seq - 1}: an entry before it was rewritten with a new hash, or this one was re-linked");
            }

            _hashBeforePrevious = _headHash;
            _headHash = entry.Hash;
            if (seq == rememberedSeq)
            {
                _rememberedHash = entry.Hash;
                _beforeRemembered = _hashBeforePrevious;
            }

            _previous = entry;
            Expected = seq + 1;
            return null;
        }

        public AuditVerification Finish(AuditTailDocument? record)
        {
            var last = Expected - 1;
            if (record is not null && record.Seq > last)
            {
                var missing = record.Seq == last + 1 ? $"entry {last + 1} is missing" : $"entries {last + 1} to {record.Seq} are missing";
                return Fail(last + 1, AuditProblemKind.Removed, AuditKeys.Entry(last + 1), $"the log was truncated: the tail record names entry {record.Seq}, but {missing}");
            }

            if (record is not null && _rememberedHash != record.Hash)
            {
                // Entries before the remembered one still chain; from it on the chain is not the one that was written.
                return new AuditVerification(
                    record.Seq - 1,
                    record.Seq - 1,
                    _beforeRemembered,
                    new AuditProblem(record.Seq, AuditProblemKind.BrokenLink, AuditKeys.Entry(record.Seq), "the tail record remembers another hash for this entry: the chain was rewritten from here on"));
            }

            return new AuditVerification(last, last, _headHash, null);
        }

        public AuditVerification Fail(long seq, AuditProblemKind kind, string key, string detail) =>
            new(Expected - 1, Expected - 1, _headHash, new AuditProblem(seq, kind, key, detail));

        /// <summary>
        /// Entry <paramref name="entry"/> sits at <paramref name="seq"/>. When it is the previous entry's original —
        /// same seq as the previous one, linked to the hash before it — the previous one was inserted and the rest
        /// shifted; otherwise entries were swapped or renumbered.
        /// </summary>
        private AuditVerification Misplaced(string key, long seq, AuditEntry entry)
        {
            if (_previous is { } previous && entry.Seq == previous.Seq && entry.PreviousHash == _hashBeforePrevious && AuditCanonical.ComputeHash(entry) == entry.Hash)
            {
                var insertedKey = AuditKeys.Entry(previous.Seq);
                return new AuditVerification(
                    previous.Seq - 1,
                    previous.Seq - 1,
                    _hashBeforePrevious,
                    new AuditProblem(previous.Seq, AuditProblemKind.Inserted, insertedKey, $"a forged entry was inserted here: the original entry {previous.Seq} now sits at {seq}, and every later entry is shifted by one"));
            }

            return Fail(seq, AuditProblemKind.Reordered, key, $"it holds entry {entry.Seq}: entries were swapped or renumbered");
        }
    }
}
