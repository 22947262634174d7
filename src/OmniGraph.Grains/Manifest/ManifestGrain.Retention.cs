using System.Globalization;

namespace OmniGraph.Grains.Manifest;

/// <summary>
/// The read side of cleanup (docs/maintenance.md, "cleanup"): the retention floors it recorded, and the commits it
/// reclaimed. History below a floor is refused with <c>history_reclaimed</c> before any object of it is read, so a read
/// of reclaimed history never reaches a deleted (or about-to-be-deleted) object and never returns wrong data.
/// </summary>
internal sealed partial class ManifestGrain
{
    /// <summary>Reclaimed commit id → its branch, from the journals of recorded cleanups (loaded on first need).</summary>
    private Dictionary<string, string>? _reclaimedCommits;

    /// <summary>The lowest manifest version of <paramref name="incarnation"/>'s own chain cleanup kept (0: nothing reclaimed).</summary>
    private long KeepFromOf(string incarnation)
    {
        foreach (var floor in _state.State.RetentionFloors)
        {
            if (string.Equals(floor.Incarnation, incarnation, StringComparison.Ordinal))
            {
                return floor.KeepFrom;
            }
        }

        return 0;
    }

    /// <summary>Whether version <paramref name="version"/> of <paramref name="incarnation"/>'s chain was reclaimed by cleanup.</summary>
    private bool IsReclaimed(string incarnation, long version) => version < KeepFromOf(incarnation);

    /// <summary>Refuses version <paramref name="version"/> of <paramref name="incarnation"/> when cleanup reclaimed it.</summary>
    /// <exception cref="OmniGraphException">Code <c>history_reclaimed</c>.</exception>
    private void ThrowIfReclaimed(string branch, string incarnation, long version, string? commitId = null)
    {
        if (IsReclaimed(incarnation, version))
        {
            throw EngineErrors.HistoryReclaimedByCleanup(branch, commitId, string.Create(CultureInfo.InvariantCulture, $"manifest version {version}"));
        }
    }

    /// <summary>A commit id whose pointer is gone: <c>history_reclaimed</c> when cleanup reclaimed it, else nothing.</summary>
    private async Task ThrowIfCommitReclaimedAsync(string commitId)
    {
        if (_state.State.Cleanups.Count == 0)
        {
            return;
        }

        if (_reclaimedCommits is null)
        {
            var reclaimed = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var cleanup in _state.State.Cleanups.ToArray())
            {
                if (await TryReadCleanupJournalAsync(cleanup.CleanupId) is { } journal)
                {
                    foreach (var commit in journal.Commits)
                    {
                        reclaimed[commit.CommitId] = commit.Branch;
                    }
                }
            }

            _reclaimedCommits = reclaimed;
        }

        if (_reclaimedCommits.TryGetValue(commitId, out var branch))
        {
            throw EngineErrors.HistoryReclaimedByCleanup(branch, commitId, $"commit {commitId}");
        }
    }

    /// <summary>A cleanup journal, or <c>null</c> when it does not exist.</summary>
    /// <exception cref="CorruptObjectException">It exists and cannot be read.</exception>
    private async Task<CleanupJournalDocument?> TryReadCleanupJournalAsync(string cleanupId)
    {
        var key = GraphObjectKeys.CleanupJournal(cleanupId);
        try
        {
            return StoredDocuments.ReadCleanupJournal(key, (await _store.GetAsync(key)).Content.Span, cleanupId);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }
}
