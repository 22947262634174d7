using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Ingest;

namespace OmniGraph.Loading.Changes;

/// <summary>An edge row's endpoints as a change shows them.</summary>
internal static class ChangeEndpoints
{
    /// <summary>The <c>src</c> and <c>dst</c> of row <paramref name="row"/> of an edge table's rows.</summary>
    public static EdgeEndpointsOutput Of(RecordBatch rows, int row) =>
        new(((Utf8Column)rows.Column(TableLayout.SourceColumnIndex)).GetString(row), ((Utf8Column)rows.Column(TableLayout.TargetColumnIndex)).GetString(row));
}
