using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OmniGraph.Security.Audit;
using OmniGraph.Storage;

namespace OmniGraph.Security;

/// <summary>
/// A graph's append-only, hash-chained audit log on the graph's object store (docs/security.md "Audit"). Entry
/// <c>n</c> is its own immutable object, <c>audit/entries/{n:D20}.json</c>, created with create-if-absent: that
/// create is the compare-and-swap, so of several writers racing for the same <c>n</c> exactly one wins and the others
/// move on to <c>n+1</c> after the winner's entry — concurrent appenders, in one process or many, never lose or fork an
/// entry. Each entry links to the one before through its hash.
/// <para>
/// Finding the tail does not read the log: a tail record (<c>audit/tail.json</c>, advanced after each append by its
/// own compare-and-swap) names an entry known to exist, and the append probes forward from it — one probe when the
/// record is current, a logarithmic gallop when it lags or is missing. An append therefore costs a constant number of
/// store requests whatever the log's length.
/// </para>
/// <para>
/// An append of a record with a commit is idempotent per (commit, action), through a claim object written before the
/// entry and filled with its sequence number after (<see cref="AppendAsync"/>). That lets recovery re-append an entry a
/// crash may have lost, without knowing whether it was lost. Appends of the same (commit, action) may run at once (a
/// writer and another process's heal of its commit): the pair is still written once, and both get its entry.
/// </para>
/// </summary>
public sealed partial class AuditLog
{
    private readonly IObjectStore _store;
    private readonly AuditLogOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="store">The graph's object store (its root holds <c>graph.json</c>).</param>
    /// <param name="options">Settings; defaults when <c>null</c>.</param>
    /// <param name="time">The clock of entry times; the system clock when <c>null</c>.</param>
    /// <param name="logger">Where to log; nowhere when <c>null</c>.</param>
    public AuditLog(IObjectStore store, AuditLogOptions? options = null, TimeProvider? time = null, ILogger<AuditLog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? new AuditLogOptions();
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Where the log lives (the store's location).</summary>
    public string Location => _store.Location;

    /// <summary>
    /// Appends <paramref name="record"/> as the next entry. With a <see cref="AuditRecord.Commit"/>, an earlier append of
    /// the same (commit, action) — complete, or cut short by a crash after its entry was written — is found and returned
    /// instead (<see cref="AuditAppendResult.Appended"/> is <c>false</c>): nothing is written twice.
    /// </summary>
    /// <exception cref="AuditLogException">
    /// <c>audit_invalid_record</c>; <c>audit_append_contended</c>; <c>audit_entry_corrupt</c> when the tail it would link
    /// to is unreadable or missing (the log was tampered with: nothing is appended onto a broken chain).
    /// </exception>
    public async Task<AuditAppendResult> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        Validate(record);
        return record.Commit is null
            ? new AuditAppendResult(await AppendEntryAsync(record, start: null, cancellationToken).ConfigureAwait(false), Appended: true)
            : await AppendOnceAsync(record, record.Commit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads every entry in order (strictly). For a check of the chain use <see cref="AuditVerifier"/>.</summary>
    /// <exception cref="AuditLogException">An entry is unreadable or is not the entry its key names.</exception>
    public async IAsyncEnumerable<AuditEntry> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? continuation = null;
        do
        {
            var page = await _store.ListAsync(AuditKeys.EntriesPrefix, continuation, 1000, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Objects)
            {
                var entry = await ReadEntryAsync(item.Key, cancellationToken).ConfigureAwait(false);
                if (AuditKeys.SeqOf(item.Key) != entry.Seq)
                {
                    throw new AuditLogException(ErrorCodes.AuditEntryCorrupt, $"it holds entry {entry.Seq}", item.Key);
                }

                yield return entry;
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }

    /// <summary>Appends at the first free sequence number from <paramref name="start"/> (or the tail), racing other writers.</summary>
    private async Task<AuditEntry> AppendEntryAsync(AuditRecord record, AuditTail? start, CancellationToken cancellationToken)
    {
        var tail = start ?? await FindTailAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; attempt <= _options.MaxAppendAttempts; attempt++)
        {
            var entry = Build(record, tail);
            try
            {
                await _store.PutAsync(AuditKeys.Entry(entry.Seq), AuditDocuments.Serialize(entry), WriteCondition.IfNotExists, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectPreconditionFailedException)
            {
                // Another writer took this seq: its entry is immutable, so the chain continues after it.
                AuditLogLog.LostRace(_logger, Location, entry.Seq);
                var taken = await ReadEntryAsync(AuditKeys.Entry(entry.Seq), cancellationToken).ConfigureAwait(false);
                tail = await ProbeForwardAsync(new AuditTail(taken.Seq, taken.Hash), cancellationToken).ConfigureAwait(false);
                continue;
            }

            await AdvanceTailRecordAsync(entry, cancellationToken).ConfigureAwait(false);
            return entry;
        }

        throw new AuditLogException(
            ErrorCodes.AuditAppendContended,
            $"the append to the audit log at {Location} lost its compare-and-swap {_options.MaxAppendAttempts} times; nothing was written");
    }

    private AuditEntry Build(AuditRecord record, AuditTail tail)
    {
        var time = _time.GetUtcNow();
        // Microsecond precision: the stored text has six fractional digits, so the hashed value is exactly what is read back.
        time = new DateTimeOffset(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);
        var unhashed = new AuditEntry(
            tail.Seq + 1,
            time,
            record.Actor,
            record.Action.Name(),
            record.Graph,
            record.Branch,
            record.Commit,
            record.Decision,
            record.Rule,
            tail.Hash,
            Hash: string.Empty)
        {
            SourceBranch = record.SourceBranch,
            DiffDigest = record.DiffDigest,
        };
        return unhashed with { Hash = AuditCanonical.ComputeHash(unhashed) };
    }

    private async Task<AuditEntry> ReadEntryAsync(string key, CancellationToken cancellationToken)
    {
        StoredObject stored;
        try
        {
            stored = await _store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectNotFoundException exception)
        {
            throw new AuditLogException(ErrorCodes.AuditEntryCorrupt, "it is missing (the log was tampered with; run omnigraph audit verify)", key, exception);
        }
        catch (CorruptObjectException exception)
        {
            throw new AuditLogException(ErrorCodes.AuditEntryCorrupt, $"the store refused its bytes: {exception.Message}", key, exception);
        }

        return AuditDocuments.ReadEntry(key, stored.Content.Span);
    }

    private static void Validate(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        static bool Bad(string? text, bool required) => required ? string.IsNullOrWhiteSpace(text) || !IsValidText(text) : text is not null && (text.Length == 0 || !IsValidText(text));
        var problem =
            !Enum.IsDefined(record.Action) ? "the action is not a policy action"
            : Bad(record.Graph, required: true) ? "the graph id is blank or not valid text"
            : Bad(record.Actor, required: false) ? "the actor is empty or not valid text"
            : Bad(record.Branch, required: false) ? "the branch is empty or not valid text"
            : Bad(record.Rule, required: false) ? "the rule id is empty or not valid text"
            : Bad(record.SourceBranch, required: false) ? "the source branch is empty or not valid text"
            : record.DiffDigest is { } digest && (digest.Length != 64 || digest.AsSpan().ContainsAnyExcept("0123456789abcdef")) ? "the diff digest is not 64 lowercase hex digits"
            : !Enum.IsDefined(record.Decision) ? "the decision is neither allow nor deny"
            : record.Commit is { } commit && !IsCommitId(commit) ? "the commit id is not 1 to 64 letters, digits, '-' or '_'"
            : record.Commit is not null && record.Decision == AuditDecisionKind.Deny ? "a denied action published no commit"
            : null;
        if (problem is not null)
        {
            throw new AuditLogException(ErrorCodes.AuditInvalidRecord, $"cannot append the record: {problem}");
        }
    }

    /// <summary>No lone surrogate (it would not survive UTF-8, so two different strings could hash alike).</summary>
    internal static bool IsValidText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCommitId(string commit) =>
        commit.Length is >= 1 and <= 64 && !commit.AsSpan().ContainsAnyExcept("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_");
}
