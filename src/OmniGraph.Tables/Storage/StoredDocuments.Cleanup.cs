using System.Text.Json;
using OmniGraph.Tables.Storage.Documents;

namespace OmniGraph.Tables.Storage;

internal static partial class StoredDocuments
{
    public static byte[] Serialize(CleanupJournalDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, s_context.CleanupJournalDocument);

    /// <summary>
    /// Reads a cleanup journal. Every key it lists must be a key of the kind its list holds, so a damaged journal can never
    /// point a deletion at anything else (the stamp, the schema, grain state, another kind of object).
    /// </summary>
    /// <exception cref="CorruptObjectException">Malformed, not the journal of <paramref name="cleanupId"/>, or a key of the wrong kind.</exception>
    public static CleanupJournalDocument ReadCleanupJournal(string key, ReadOnlySpan<byte> utf8, string cleanupId)
    {
        RequireObjectFormat(key, utf8, "format", StorageFormat.ObjectFormat);
        var journal = Parse(key, utf8, s_context.CleanupJournalDocument);
        Check(key, string.Equals(journal.CleanupId, cleanupId, StringComparison.Ordinal), $"it names cleanup {journal.CleanupId}, expected {cleanupId}");
        Check(key, journal.CreatedAt >= 0 && journal.Bytes >= 0, "created_at or bytes is negative");
        Check(key, journal.Floors.All(static f => IsBranchName(f.Branch) && IsUlid(f.BranchIncarnation) && f.KeepFrom >= 1), "a floor is malformed");
        Check(key, journal.Commits.All(static c => IsUlid(c.CommitId) && IsBranchName(c.Branch)), "a commit is malformed");
        Check(key, journal.CommitPointers.All(static k => GraphObjectKeys.CommitIdOf(k) is not null), "a commit pointer key is not one");
        Check(key, journal.Manifests.All(static k => GraphObjectKeys.ManifestVersionOf(k) is not null), "a manifest key is not one");
        Check(key, journal.TableVersions.All(static k => GraphObjectKeys.IsTableObject(k) && GraphObjectKeys.TableVersionTx(k) is not null), "a table version key is not one");
        Check(key, journal.DataObjects.All(GraphObjectKeys.IsTableDataObject), "a data object key is not a fragment or deletion file");
        return journal;
    }
}
