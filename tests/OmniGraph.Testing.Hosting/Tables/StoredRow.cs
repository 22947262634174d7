using OmniGraph.Arrow;

namespace OmniGraph.Testing.Tables;

/// <summary>One stored row: its id, its endpoints when it is an edge, and its property cells as <see cref="CellText"/> (null stays null).</summary>
/// <param name="Id">The row id (column 0).</param>
/// <param name="Source">The source node id of an edge row, or <c>null</c> for a node row.</param>
/// <param name="Target">The target node id of an edge row, or <c>null</c> for a node row.</param>
/// <param name="Cells">The property cells by property name.</param>
public sealed record StoredRow(string Id, string? Source, string? Target, IReadOnlyDictionary<string, string?> Cells)
{
    /// <summary>The text of property <paramref name="property"/>.</summary>
    public string? this[string property] => Cells[property];

    /// <summary>Reads row <paramref name="row"/> of a batch laid out as the engine stores tables (id, then src and dst for edges, then properties).</summary>
    public static StoredRow Read(RecordBatch batch, int row)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? source = null, target = null;
        for (var c = 1; c < batch.ColumnCount; c++)
        {
            var name = batch.Schema.Fields[c].Name;
            var text = CellText.Render(batch.Column(c), row);
            if (name == "src" && c == 1)
            {
                source = text;
            }
            else if (name == "dst" && c == 2)
            {
                target = text;
            }
            else
            {
                cells[name] = text;
            }
        }

        return new StoredRow(((Utf8Column)batch.Column(0)).GetString(row), source, target, cells);
    }
}
