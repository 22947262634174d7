using OmniGraph.Security.Audit;
using OmniGraph.Storage;

namespace OmniGraph.Security;

/// <summary>
/// Idempotent appends per (commit, action). Before the entry is appended, a claim
/// <c>audit/claims/{commit}/{action}.json</c> is created (create-if-absent) holding the tail seen at that moment; after,
/// it is filled with the entry's seq. A later append of the same pair then finds:
/// <list type="bullet">
/// <item>a filled claim: the entry it names is returned, nothing is written;</item>
/// <item>a claim without a seq (the earlier append stopped between claim and fill): the entries after the claimed tail
/// are searched for the pair — few, since the claim is recent — and the entry found is returned, or, when the earlier
/// append never wrote it, the entry is appended now; either way the claim is filled;</item>
/// <item>no claim: a first append.</item>
/// </list>
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

                var entry = await AppendEntryAsync(record, tail, cancellationToken).ConfigureAwait(false);
                await FillClaimAsync(key, created.ETag, new AuditClaimDocument(AuditDocuments.Format, commit, action, tail.Seq, entry.Seq), cancellationToken).ConfigureAwait(false);
                return new AuditAppendResult(entry, Appended: true);
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

    /// <summary>An unfilled claim: find the entry its append may have written, or write it now; then fill the claim.</summary>
    private async Task<AuditAppendResult> CompleteClaimAsync(AuditRecord record, string key, AuditClaimDocument claim, string eTag, CancellationToken cancellationToken)
    {
        AuditEntry? found = null;
        for (var seq = claim.AfterSeq + 1; await ExistsAsync(seq, cancellationToken).ConfigureAwait(false); seq++)
        {
            var entry = await ReadEntryAsync(AuditKeys.Entry(seq), cancellationToken).ConfigureAwait(false);
            if (entry.Commit == claim.Commit && entry.Action == claim.Action)
            {
                found = entry;
                break;
            }
        }

        var appended = found is null;
        found ??= await AppendEntryAsync(record, start: null, cancellationToken).ConfigureAwait(false);
        await FillClaimAsync(key, eTag, claim with { Seq = found.Seq }, cancellationToken).ConfigureAwait(false);
        AuditLogLog.ClaimCompleted(_logger, claim.Commit, claim.Action, Location, appended ? $"appended it at seq {found.Seq}" : $"found it at seq {found.Seq}");
        return new AuditAppendResult(found, appended);
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

    /// <summary>Records the entry's seq in the claim (compare-and-swap on the claim this append read or created).</summary>
    private async Task FillClaimAsync(string key, string eTag, AuditClaimDocument filled, CancellationToken cancellationToken)
    {
        try
        {
            await _store.PutAsync(key, AuditDocuments.Serialize(filled), WriteCondition.IfMatch(eTag), cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectPreconditionFailedException exception)
        {
            // Only a concurrent append of the same (commit, action) fills it — outside the contract (see AuditLog).
            throw new AuditLogException(
                ErrorCodes.AuditAppendContended,
                $"another append of commit {filled.Commit} action {filled.Action} ran at the same time; appends of one commit and action must not run concurrently",
                key,
                exception);
        }
    }
}
