using OmniGraph.Arrow;
using OmniGraph.Ingest;

namespace OmniGraph.Tables.Versions;

/// <summary>
/// One fragment of a table version: its identity and row count always, its record batch (zero-copy columns over the
/// stored file, or the batch that was just written) while it is resident. A fragment a write staged is not resident:
/// its rows went to the store and only their digest stayed (<see cref="StagedFragmentDigest"/>), so a large load does not
/// hold the file in memory; the owning grain makes a version's fragments resident again before any read touches its rows
/// (<see cref="TableVersionView.IsResident"/>). Shared by every version that lists it.
/// </summary>
/// <remarks>Made resident only on the owning grain's turns; never leaves residence once loaded.</remarks>
internal sealed class FragmentData
{
    private readonly bool _isEdge;
    private RecordBatch? _batch;
    private Utf8Column? _ids;
    private Utf8Column? _sources;
    private Utf8Column? _targets;

    public FragmentData(string id, string key, RecordBatch batch, bool isEdge)
        : this(id, key, batch.Length, isEdge)
    {
        Load(batch);
    }

    /// <summary>A fragment whose rows are in the store only.</summary>
    public FragmentData(string id, string key, int rows, bool isEdge)
    {
        Id = id;
        Key = key;
        Rows = rows;
        _isEdge = isEdge;
    }

    /// <summary>The fragment id (ULID).</summary>
    public string Id { get; }

    /// <summary>The object key.</summary>
    public string Key { get; }

    /// <summary>Row count.</summary>
    public int Rows { get; }

    /// <summary>Whether the rows are in memory (every column).</summary>
    public bool IsResident => _batch is not null;

    /// <summary>
    /// Whether the endpoint columns of an edge fragment are in memory: all that traversals and degree counts read. A
    /// version read only by traversals keeps just these (copied out of the file, so the file's other columns, the
    /// 26-byte edge ids above all, do not stay in memory with them).
    /// </summary>
    public bool HasEndpoints => _batch is not null || (_sources is not null && _targets is not null);

    /// <summary>The rows.</summary>
    /// <exception cref="InvalidOperationException">The fragment is not resident (an engine bug: reads make versions resident first).</exception>
    public RecordBatch Batch => _batch ?? throw NotResident();

    /// <summary>The <c>id</c> column.</summary>
    public Utf8Column Ids => _ids ?? throw NotResident();

    /// <summary>The <c>src</c> column of an edge fragment.</summary>
    public Utf8Column? Sources => _isEdge ? _sources ?? throw NotResident() : null;

    /// <summary>The <c>dst</c> column of an edge fragment.</summary>
    public Utf8Column? Targets => _isEdge ? _targets ?? throw NotResident() : null;

    /// <summary>Approximate bytes held by the batch's buffers (for cache accounting and diagnostics; 0 when not resident).</summary>
    public long EstimatedBytes => _batch is not null ? (long)Rows * _batch.ColumnCount * 8 : HasEndpoints && _isEdge ? (long)Rows * 16 : 0;

    /// <summary>Makes only the endpoint columns resident (compact copies, <see cref="EndpointsOf"/>: the file can go).</summary>
    /// <exception cref="InvalidOperationException">Not an edge fragment, or the batch's row count is not the fragment's.</exception>
    public void LoadEndpoints((Utf8Column Sources, Utf8Column Targets) endpoints)
    {
        if (!_isEdge || endpoints.Sources.Length != Rows || endpoints.Targets.Length != Rows)
        {
            throw new InvalidOperationException($"fragment {Key}: endpoints of {endpoints.Sources.Length} rows for a {Rows}-row {(_isEdge ? "edge" : "node")} fragment");
        }

        if (HasEndpoints)
        {
            return;
        }

        (_sources, _targets) = endpoints;
    }

    /// <summary>Compact copies of a stored batch's endpoint columns (what <see cref="LoadEndpoints"/> keeps).</summary>
    public static (Utf8Column Sources, Utf8Column Targets) EndpointsOf(RecordBatch batch) =>
        ((Utf8Column)batch.Column(TableLayout.SourceColumnIndex).Compact(), (Utf8Column)batch.Column(TableLayout.TargetColumnIndex).Compact());

    /// <summary>The same fragment without its rows (what a version keeps of a fragment a write staged).</summary>
    public FragmentData WithoutRows() => new(Id, Key, Rows, _isEdge);

    /// <summary>Makes the fragment resident with its stored rows (read back by the owning grain).</summary>
    /// <exception cref="InvalidOperationException">The batch's row count is not the fragment's.</exception>
    public void Load(RecordBatch batch)
    {
        if (batch.Length != Rows)
        {
            throw new InvalidOperationException($"fragment {Key} has {Rows} rows, the batch {batch.Length}");
        }

        _ids = (Utf8Column)batch.Column(TableLayout.IdColumnIndex);
        if (_isEdge)
        {
            _sources = (Utf8Column)batch.Column(TableLayout.SourceColumnIndex);
            _targets = (Utf8Column)batch.Column(TableLayout.TargetColumnIndex);
        }

        // Published last: a grain of another branch may share this fragment (SharedFragments) and read it on another
        // thread once it sees the batch.
        Volatile.Write(ref _batch, batch);
    }

    private InvalidOperationException NotResident() => new($"fragment {Key} is not resident: its version was not made resident before a read");
}
