using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Arrow;
using OmniGraph.Ingest;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Selection;

/// <summary>
/// The columns a query read returns: the <c>id</c> column (always, first) plus exactly the requested columns (none when
/// the request names none, unlike <c>ScanAsync</c> where none means all). Rows are cut or gathered once for all of them
/// together; <see cref="Split"/> separates the ids from the requested batch.
/// </summary>
internal sealed class SelectionShape
{
    private readonly int[] _requestedInCombined;

    private SelectionShape(RowProjection combined, ArrowSchema requested, int[] requestedInCombined)
    {
        Combined = combined;
        Requested = requested;
        _requestedInCombined = requestedInCombined;
    }

    /// <summary>The projection cut and gathered: <c>id</c>, then the requested columns other than <c>id</c>.</summary>
    public RowProjection Combined { get; }

    /// <summary>The schema of the requested columns, in request order.</summary>
    public ArrowSchema Requested { get; }

    /// <summary>Resolves the requested column names.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request</c>: A column the table does not have, or named twice.</exception>
    public static SelectionShape Create(TableLayout layout, ImmutableArray<string> columns)
    {
        var names = new List<string> { TableLayout.IdColumnName };
        var requestedInCombined = new int[columns.IsDefault ? 0 : columns.Length];
        var fields = new ArrowField[requestedInCombined.Length];
        for (var i = 0; i < requestedInCombined.Length; i++)
        {
            var name = columns[i];
            var index = layout.Schema.GetFieldIndex(name ?? string.Empty);
            if (index < 0)
            {
                throw EngineErrors.InvalidTableRequest(layout.TableName, $"it has no column '{name}'");
            }

            if (columns.IndexOf(name!, 0, i, StringComparer.Ordinal) >= 0)
            {
                throw EngineErrors.InvalidTableRequest(layout.TableName, $"column '{name}' is named twice");
            }

            var position = names.IndexOf(name!);
            if (position < 0)
            {
                position = names.Count;
                names.Add(name!);
            }

            requestedInCombined[i] = position;
            fields[i] = layout.Schema.Fields[index];
        }

        return new SelectionShape(RowProjection.Create(layout, [.. names]), new ArrowSchema(fields, layout.Schema.Metadata), requestedInCombined);
    }

    /// <summary>The ids and the requested columns of a batch cut or gathered with <see cref="Combined"/>.</summary>
    public (Utf8Column Ids, RecordBatch Columns) Split(RecordBatch combined)
    {
        var columns = new ArrowColumn[_requestedInCombined.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = combined.Column(_requestedInCombined[i]);
        }

        return ((Utf8Column)combined.Column(0), new RecordBatch(Requested, columns, combined.Length));
    }

    /// <summary>No row, typed.</summary>
    public (Utf8Column Ids, RecordBatch Columns) Empty() => Split(Combined.Empty());

    /// <summary>The requested columns of the rows at <paramref name="addresses"/> (packed, any order).</summary>
    public RecordBatch Gather(FragmentData[] fragments, ReadOnlySpan<long> addresses) =>
        Split(Combined.Gather(fragments, addresses)).Columns;
}
