using OmniGraph.Security.Audit;
using OmniGraph.Storage;

namespace OmniGraph.Security;

/// <summary>
/// Idempotent appends per (commit, action). Before the entry is appended, a claim
/// <c>audit/claims/{commit}/{action}.json</c> is created (create-if-absent) holding the tail seen at that moment; after,
/// it is filled with the entry's seq. A later append of the same pair then finds:
/// <list type="bullet">
/// <item>a filled claim: the entry it names is returned, nothing is written;</item>
/// <item>a claim without a seq (an earlier append stopped between claim and fill, or is still running in another
/// process): the entries after the claimed tail are read for the pair — few, since the claim is recent — and the entry
/// found is returned, or, when none holds it, the entry is appended; either way the claim is filled;</item>
/// <item>no claim: a first append.</item>
/// </list>
/// Two appends of one pair may run at once (a writer and another process's heal of the same commit): each appends
/// through <see cref="AppendUniqueAsync"/>, which reads every entry it loses a sequence number to, so of the two exactly
/// one writes the entry and the other returns it; both then record the same seq in the claim.
/// </summary>
public sealed partial class AuditLog
{
    private async Task<AuditAppendResult> AppendOnceAsync(AuditRecord record, string commit, CancellationToken cancellationToken)
    {
        var key = AuditKeys.Claim(commit, record.Action);
        var action = record.Action.Name();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var existing = await ReadClaimAsync(key, commit, action, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                var tail = await FindTailAsync(cancellationToken).ConfigureAwait(false);
                ObjectProperties created;
                try
                {
                    var claim = new AuditClaimDocument(AuditDocuments.Format, commit, action, tail.Seq, Seq: null);
                    created = await _store.PutAsync(key, AuditDocuments.Serialize(claim), WriteCondition.IfNotExists, cancellationToken).ConfigureAwait(false);
                }
                catch (ObjectPreconditionFailedException)
                {
                    continue; // claimed meanwhile: read it
                }

                // The tail was just found, so its next seq is tried at once; an entry taken there is read (scanFirst).
                var first = await AppendUniqueAsync(record, commit, tail, scanFirst: false, cancellationToken).ConfigureAwait(false);
                await FillClaimAsync(key, created.ETag, new AuditClaimDocument(AuditDocuments.Format, commit, action, tail.Seq, first.Entry.Seq), cancellationToken).ConfigureAwait(false);
                return first;
            }

            var (document, eTag) = existing.Value;
            if (document.Seq is { } seq)
            {
                var recorded = await ReadEntryAsync(AuditKeys.Entry(seq), cancellationToken).ConfigureAwait(false);
                if (recorded.Seq != seq || recorded.Commit != commit || recorded.Action != action)
                {
                    throw new AuditLogException(ErrorCodes.AuditEntryCorrupt, $"the claim of commit {commit} action {action} names entry {seq}, which records something else", key);
                }

                AuditLogLog.AlreadyRecorded(_logger, commit, action, Location, seq);
                return new AuditAppendResult(recorded, Appended: false);
            }

            return await CompleteClaimAsync(record, key, document, eTag, cancellationToken).ConfigureAwait(false);
        }

        throw new AuditLogException(ErrorCodes.AuditAppendContended, $"the claim of commit {commit} action {record.Action.Name()} changed while it was read; nothing was written", key);
    }

    /// <summary>An unfilled claim: find the entry an append of the pair wrote (or is writing), or write it now; then fill the claim.</summary>
    private async Task<AuditAppendResult> CompleteClaimAsync(AuditRecord record, string key, AuditClaimDocument claim, string eTag, CancellationToken cancellationToken)
    {
        var after = claim.AfterSeq == 0
            ? AuditTail.Empty
            : new AuditTail(claim.AfterSeq, (await ReadEntryAsync(AuditKeys.Entry(claim.AfterSeq), cancellationToken).ConfigureAwait(false)).Hash);
        var result = await AppendUniqueAsync(record, claim.Commit, after, scanFirst: true, cancellationToken).ConfigureAwait(false);
        await FillClaimAsync(key, eTag, claim with { Seq = result.Entry.Seq }, cancellationToken).ConfigureAwait(false);
        AuditLogLog.ClaimCompleted(_logger, claim.Commit, claim.Action, Location, result.Appended ? $"appended it at seq {result.Entry.Seq}" : $"found it at seq {result.Entry.Seq}");
        return result;
    }

    /// <summary>
    /// Appends the pair's entry after <paramref name="after"/> unless an entry after it already records the pair. Every
    /// entry after it is read before the entry is written at the next free seq (with <paramref name="scanFirst"/>), and
    /// every seq lost to another writer is read too: a concurrent append of the same pair wins the seq or is found, so
    /// the pair is written once.
    /// </summary>
    private async Task<AuditAppendResult> AppendUniqueAsync(AuditRecord record, string commit, AuditTail after, bool scanFirst, CancellationToken cancellationToken)
    {
        var action = record.Action.Name();
        var tail = after;
        for (var attempt = 1; attempt <= _options.MaxAppendAttempts; attempt++)
        {
            if (scanFirst)
            {
                while (await TryReadEntryAsync(tail.Seq + 1, cancellationToken).ConfigureAwait(false) is { } next)
                {
                    if (next.Commit == commit && next.Action == action)
                    {
                        return new AuditAppendResult(next, Appended: false);
                    }

                    tail = new AuditTail(next.Seq, next.Hash);
                }
            }

            var entry = Build(record, tail);
            try
            {
                await _store.PutAsync(AuditKeys.Entry(entry.Seq), AuditDocuments.Serialize(entry), WriteCondition.IfNotExists, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectPreconditionFailedException)
            {
                // Another writer took this seq, perhaps with this very pair: read it (and what follows) before trying again.
                AuditLogLog.LostRace(_logger, Location, entry.Seq);
                scanFirst = true;
                continue;
            }

            await AdvanceTailRecordAsync(entry, cancellationToken).ConfigureAwait(false);
            return new AuditAppendResult(entry, Appended: true);
        }

        throw new AuditLogException(
            ErrorCodes.AuditAppendContended,
            $"the append of commit {commit} action {action} to the audit log at {Location} lost its compare-and-swap {_options.MaxAppendAttempts} times; nothing was written");
    }

    private async Task<AuditEntry?> TryReadEntryAsync(long seq, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(seq, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return await ReadEntryAsync(AuditKeys.Entry(seq), cancellationToken).ConfigureAwait(false);
    }

    private async Task<(AuditClaimDocument Claim, string ETag)?> ReadClaimAsync(string key, string commit, string action, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await _store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            return (AuditDocuments.ReadClaim(key, stored.Content.Span, commit, action), stored.ETag);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Records the entry's seq in the claim (compare-and-swap on the claim this append read or created). A concurrent
    /// append of the same pair may have filled it first: with the same seq that is success.
    /// </summary>
    private async Task FillClaimAsync(string key, string eTag, AuditClaimDocument filled, CancellationToken cancellationToken)
    {
        try
        {
            await _store.PutAsync(key, AuditDocuments.Serialize(filled), WriteCondition.IfMatch(eTag), cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectPreconditionFailedException exception)
        {
            var current = await ReadClaimAsync(key, filled.Commit, filled.Action, cancellationToken).ConfigureAwait(false);
            if (current?.Claim.Seq == filled.Seq)
            {
                return;
            }

            throw new AuditLogException(
                ErrorCodes.AuditAppendContended,
                $"the claim of commit {filled.Commit} action {filled.Action} records entry {current?.Claim.Seq?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, not {filled.Seq}",
                key,
                exception);
        }
    }
}
