using OmniGraph.Security.Audit;
using OmniGraph.Storage;

namespace OmniGraph.Security;

/// <summary>Finding the newest entry without reading the log, and keeping the tail record current.</summary>
public sealed partial class AuditLog
{
    /// <summary>The newest entry: its seq (0 for an empty log) and hash (the genesis hash for an empty log).</summary>
    internal readonly record struct AuditTail(long Seq, string Hash)
    {
        public static AuditTail Empty => new(0, AuditCanonical.GenesisHash);
    }

    /// <summary>
    /// The newest entry: from the tail record (or an empty log when there is none), probed forward. The entry found is
    /// read, so an append never links to an entry that is missing or unreadable.
    /// </summary>
    internal async Task<AuditTail> FindTailAsync(CancellationToken cancellationToken)
    {
        var (hint, _) = await ReadTailRecordAsync(cancellationToken).ConfigureAwait(false);
        var start = hint is null ? AuditTail.Empty : new AuditTail(hint.Seq, hint.Hash);
        var tail = await ProbeForwardAsync(start, cancellationToken).ConfigureAwait(false);
        if (tail == start && start.Seq > 0)
        {
            var entry = await ReadEntryAsync(AuditKeys.Entry(start.Seq), cancellationToken).ConfigureAwait(false);
            if (entry.Hash != start.Hash)
            {
                throw new AuditLogException(
                    ErrorCodes.AuditEntryCorrupt,
                    $"the tail record remembers another hash for entry {start.Seq}: the log was rewritten (run omnigraph audit verify)",
                    AuditKeys.Entry(start.Seq));
            }
        }

        return tail;
    }

    /// <summary>
    /// The newest entry at or after <paramref name="known"/> (which exists): one probe when nothing follows it, otherwise
    /// a gallop (k+1, k+2, k+4, …) to a missing entry and a binary search back, then a read of the newest entry's hash.
    /// Entries are contiguous, so this is exact; the number of probes grows with the log of the distance, not the log's length.
    /// </summary>
    private async Task<AuditTail> ProbeForwardAsync(AuditTail known, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(known.Seq + 1, cancellationToken).ConfigureAwait(false))
        {
            return known;
        }

        long present = known.Seq + 1;
        long step = 2;
        long absent;
        while (true)
        {
            var probe = known.Seq + step;
            if (!await ExistsAsync(probe, cancellationToken).ConfigureAwait(false))
            {
                absent = probe;
                break;
            }

            present = probe;
            step *= 2;
        }

        while (absent - present > 1)
        {
            var middle = present + ((absent - present) / 2);
            if (await ExistsAsync(middle, cancellationToken).ConfigureAwait(false))
            {
                present = middle;
            }
            else
            {
                absent = middle;
            }
        }

        var newest = await ReadEntryAsync(AuditKeys.Entry(present), cancellationToken).ConfigureAwait(false);
        return new AuditTail(present, newest.Hash);
    }

    private async Task<bool> ExistsAsync(long seq, CancellationToken cancellationToken) =>
        await _store.GetPropertiesAsync(AuditKeys.Entry(seq), cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The tail record and its entity tag, or (null, null) when there is none.</summary>
    internal async Task<(AuditTailDocument? Tail, string? ETag)> ReadTailRecordAsync(CancellationToken cancellationToken)
    {
        try
        {
            var stored = await _store.GetAsync(AuditKeys.Tail, cancellationToken).ConfigureAwait(false);
            return (AuditDocuments.ReadTail(AuditKeys.Tail, stored.Content.Span), stored.ETag);
        }
        catch (ObjectNotFoundException)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// Moves the tail record forward to <paramref name="entry"/> (never back) with its own compare-and-swap. It is a hint:
    /// losing the race to a newer value is success, and a failure only makes the next append probe a little further.
    /// </summary>
    private async Task AdvanceTailRecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var content = AuditDocuments.Serialize(new AuditTailDocument(AuditDocuments.Format, entry.Seq, entry.Hash));
        try
        {
            for (var attempt = 0; attempt < _options.MaxTailUpdateAttempts; attempt++)
            {
                var (current, eTag) = await ReadTailRecordAsync(cancellationToken).ConfigureAwait(false);
                if (current is not null && current.Seq >= entry.Seq)
                {
                    return;
                }

                try
                {
                    var condition = eTag is null ? WriteCondition.IfNotExists : WriteCondition.IfMatch(eTag);
                    await _store.PutAsync(AuditKeys.Tail, content, condition, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (ObjectPreconditionFailedException)
                {
                    // Another append moved it; look again.
                }
            }

            AuditLogLog.TailNotUpdated(_logger, Location, entry.Seq, null);
        }
        catch (Exception exception) when (exception is OmniGraphException && !cancellationToken.IsCancellationRequested)
        {
            // The entry is durable; the tail record only speeds up the next append, so its failure is not the append's.
            AuditLogLog.TailNotUpdated(_logger, Location, entry.Seq, exception);
        }
    }
}
