using OmniGraph.Arrow;
using OmniGraph.Ingest;

namespace OmniGraph.Grains.Tables.Versions;

/// <summary>
/// One fragment held in memory: its record batch (zero-copy columns over the stored file, or the batch that was just
/// written) and typed shortcuts to the id and endpoint columns. Immutable; shared by every version that lists it.
/// </summary>
internal sealed class FragmentData
{
    public FragmentData(string id, string key, RecordBatch batch, bool isEdge)
    {
        Id = id;
        Key = key;
        Batch = batch;
        Ids = (Utf8Column)batch.Column(TableLayout.IdColumnIndex);
        if (isEdge)
        {
            Sources = (Utf8Column)batch.Column(TableLayout.SourceColumnIndex);
            Targets = (Utf8Column)batch.Column(TableLayout.TargetColumnIndex);
        }
    }

    /// <summary>The fragment id (ULID).</summary>
    public string Id { get; }

    /// <summary>The object key.</summary>
    public string Key { get; }

    /// <summary>The rows.</summary>
    public RecordBatch Batch { get; }

    /// <summary>Row count.</summary>
    public int Rows => Batch.Length;

    /// <summary>The <c>id</c> column.</summary>
    public Utf8Column Ids { get; }

    /// <summary>The <c>src</c> column of an edge fragment.</summary>
    public Utf8Column? Sources { get; }

    /// <summary>The <c>dst</c> column of an edge fragment.</summary>
    public Utf8Column? Targets { get; }

    /// <summary>Approximate bytes held by the batch's buffers (for cache accounting and diagnostics).</summary>
    public long EstimatedBytes => (long)Rows * Batch.ColumnCount * 8;
}
