using OmniGraph.Tables.Storage;
using OmniGraph.Tables.Storage.Documents;

namespace OmniGraph.Tables.Tests.Storage;

/// <summary>
/// What cleanup relies on without a cluster: the one function that says which objects a table version reads, and the
/// strict reading of a cleanup journal, which refuses any key that is not of its list's kind (a damaged journal can never
/// point a deletion at the stamp, the schema or grain state).
/// </summary>
public sealed class CleanupReferenceTests
{
    private const string Fragment1 = "tables/node-000001/fragments/01JAAAAAAAAAAAAAAAAAAAAAAA.arrow";
    private const string Fragment2 = "tables/node-000001/fragments/01JBBBBBBBBBBBBBBBBBBBBBBB.arrow";
    private const string Deletions = "tables/node-000001/deletions/01JCCCCCCCCCCCCCCCCCCCCCCC.arrow";
    private const string Ulid1 = "01JDDDDDDDDDDDDDDDDDDDDDDD";

    [Fact]
    public void ObjectsOf_ATableVersion_AreItsFragmentsAndDeletionFiles_EachOnce()
    {
        var document = new TableVersionDocument
        {
            Format = 1, Table = "node:Person", TableId = 1, Branch = "main", BranchIncarnation = Ulid1, Version = 2, Tx = Ulid1,
            SchemaHash = new string('a', 64), RowCount = 3,
            Parent = new TableVersionRefDocument { Table = "node:Person", TableId = 1, Branch = "main", BranchIncarnation = Ulid1, Version = 1, Key = null, Tx = null, Rows = 0, SchemaHash = new string('a', 64) },
            Fragments =
            [
                new FragmentEntryDocument { Id = "a", Key = Fragment1, Rows = 2, Deletions = new DeletionVectorDocument { Key = Deletions, Batch = 0, Count = 1 } },
                new FragmentEntryDocument { Id = "b", Key = Fragment2, Rows = 2, Deletions = new DeletionVectorDocument { Key = Deletions, Batch = 1, Count = 1 } },
            ],
        };

        Assert.Equal([Fragment1, Deletions, Fragment2], TableVersionReferences.ObjectsOf(document));
        var keys = new HashSet<string>(StringComparer.Ordinal) { "other" };
        TableVersionReferences.AddObjectsOf(document, keys);
        Assert.Equal(4, keys.Count);
    }

    [Fact]
    public void CleanupJournal_RoundTrips_AndRefusesKeysOfAnotherKind()
    {
        var journal = Journal(dataObjects: [Fragment1, Deletions]);
        var key = GraphObjectKeys.CleanupJournal(Ulid1);
        Assert.Equal(Ulid1, GraphObjectKeys.CleanupIdOf(key));
        var read = StoredDocuments.ReadCleanupJournal(key, StoredDocuments.Serialize(journal), Ulid1);
        Assert.Equal(journal.DataObjects, read.DataObjects);
        Assert.Equal(journal.Manifests, read.Manifests);

        foreach (var bad in new[] { "graph.json", "state/registry-manifest/graph.json", "schema/x.pg", "tables/node-000001/versions/x.json", "tables/../graph.json" })
        {
            Assert.Throws<CorruptObjectException>(() => StoredDocuments.ReadCleanupJournal(key, StoredDocuments.Serialize(Journal(dataObjects: [bad])), Ulid1));
        }

        Assert.Throws<CorruptObjectException>(() => StoredDocuments.ReadCleanupJournal(key, StoredDocuments.Serialize(journal), "01JEEEEEEEEEEEEEEEEEEEEEEE"));
    }

    private static CleanupJournalDocument Journal(string[] dataObjects) => new()
    {
        Format = StorageFormat.ObjectFormat,
        CleanupId = Ulid1,
        CreatedAt = 1,
        Floors = [new CleanupFloorDocument { Branch = "main", BranchIncarnation = Ulid1, KeepFrom = 3 }],
        Commits = [new CleanupCommitDocument { CommitId = Ulid1, Branch = "main" }],
        CommitPointers = [GraphObjectKeys.CommitPointer(Ulid1)],
        Manifests = [GraphObjectKeys.Manifest(Ulid1, 1)],
        TableVersions = [GraphObjectKeys.TableVersion(false, 1, Ulid1, 1, Ulid1)],
        DataObjects = dataObjects,
        Bytes = 10,
    };
}
