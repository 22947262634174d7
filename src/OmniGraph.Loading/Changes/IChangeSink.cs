using OmniGraph.Arrow;
using OmniGraph.Ingest;

namespace OmniGraph.Loading.Changes;

/// <summary>What <see cref="ChangeReader"/> hands each change to, and how many more fit.</summary>
internal interface IChangeSink
{
    /// <summary>Changes that still fit (0: full).</summary>
    int Remaining { get; }

    /// <summary>Takes one change: its table layout, id, operation and the rows of its images (<c>-1</c> when absent).</summary>
    void Add(TableLayout layout, string id, Abstractions.ChangeOp op, RecordBatch before, int beforeRow, RecordBatch after, int afterRow);
}
