using OmniGraph.Abstractions;
using OmniGraph.Arrow;
using OmniGraph.Ingest;
using OmniGraph.Tables.Storage.Documents;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Tests.Support;

/// <summary>
/// One table's chain of in-memory versions, each write planned by <see cref="VersionStager"/> against the head and
/// the head's indexes carried over as the table grain does, without storage. <see cref="Fork"/> starts a branch that
/// shares the head (its fragment list), as a fork does.
/// </summary>
internal sealed class TableChain
{
    private readonly TableLayout _layout;
    private readonly string _branch;
    private long _version;

    public TableChain(string table, string schema = TestSchemas.Social)
        : this(Rows.Layout(table, schema), "main", 0, null)
    {
    }

    private TableChain(TableLayout layout, string branch, long version, TableVersionView? head)
    {
        _layout = layout;
        _branch = branch;
        _version = version;
        Head = head ?? View([], [], version);
    }

    public TableVersionView Head { get; private set; }

    public TableLayout Layout => _layout;

    /// <summary>A branch starting at this chain's head.</summary>
    public TableChain Fork(string branch) => new(_layout, branch, _version, Head);

    public TableVersionView Upsert(params RecordBatch[] batches) => Write(TableWriteMode.Upsert, null, batches);

    public TableVersionView Insert(params RecordBatch[] batches) => Write(TableWriteMode.Insert, null, batches);

    public TableVersionView Overwrite(params RecordBatch[] batches) => Write(TableWriteMode.Overwrite, null, batches);

    public TableVersionView Delete(params string[] ids) => Write(TableWriteMode.Upsert, KeyBatch.Of(ids), []);

    private TableVersionView Write(TableWriteMode mode, KeyBatch? deletes, RecordBatch[] batches)
    {
        var isEdge = _layout.TableName.StartsWith("edge:", StringComparison.Ordinal);
        var written = batches.Select(b => new FragmentData(Ulid.NewUlid().ToString(), $"fragments/{Ulid.NewUlid()}", b, isEdge)).ToArray();
        var plan = VersionStager.Build(_layout.TableName, Head, written, mode, deletes, static id => EngineErrors.InvalidTableRequest("test", id));
        var next = View(plan.Fragments, plan.Masks, ++_version);
        if (plan.ExtendsBase)
        {
            next.InheritIndexes(Head, plan.Removed, plan.Added);
        }

        return Head = next;
    }

    private TableVersionView View(FragmentData[] fragments, DeletionMask[] masks, long version)
    {
        var rows = fragments.Sum(static f => (long)f.Rows) - masks.Sum(static m => (long)m.Count);
        var key = $"tables/{_layout.TableName}/{_branch}/{version}-{Ulid.NewUlid()}.json";
        var reference = new TableVersionRef(_layout.TableName, 1, _branch, "i1", version, key, rows, null, new string('0', 64));
        return new TableVersionView(reference, _layout, reference.SchemaHash, fragments, masks, new DeletionVectorDocument?[fragments.Length]);
    }
}
