using OmniGraph.Abstractions;
using OmniGraph.Testing.Tables;

namespace OmniGraph.Testing.Hosting;

/// <summary>Reads of what a graph stores, straight from the table grains (no query engine involved).</summary>
public abstract partial class GraphTestHost
{
    /// <summary>The prefix of recovery sidecars in the store.</summary>
    public const string RecoveryPrefix = "recovery/";

    /// <summary>The live values of one column of a table (<c>node:Person</c>) at the head (or <paramref name="snapshot"/>), as text, in storage order.</summary>
    public async Task<List<string?>> ColumnAsync(string table, string column, GraphSnapshot? snapshot = null)
    {
        snapshot ??= await HeadAsync();
        var version = snapshot.GetTable(table);
        var scan = await Client.GetTable(table, version.ChainBranch).ScanAsync(version, [column]);
        var values = new List<string?>();
        foreach (var batch in scan.Batches)
        {
            var data = batch.Column(column);
            for (var i = 0; i < data.Length; i++)
            {
                values.Add(CellText.Render(data, i));
            }
        }

        return values;
    }

    /// <summary>The column's values at the head keyed by the row id, sorted by id.</summary>
    public async Task<SortedDictionary<string, string?>> ValuesByIdAsync(string table, string column)
    {
        var ids = await ColumnAsync(table, "id");
        var values = await ColumnAsync(table, column);
        var result = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            result.Add(ids[i]!, values[i]);
        }

        return result;
    }

    /// <summary>Every live row of a table at the head (or <paramref name="snapshot"/>), in id order.</summary>
    public async Task<IReadOnlyList<StoredRow>> RowsAsync(string table, GraphSnapshot? snapshot = null)
    {
        snapshot ??= await HeadAsync();
        var version = snapshot.GetTable(table);
        var scan = await Client.GetTable(table, version.ChainBranch).ScanAsync(version, []);
        var rows = new List<StoredRow>();
        foreach (var batch in scan.Batches)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                rows.Add(StoredRow.Read(batch, i));
            }
        }

        rows.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return rows;
    }

    /// <summary>The row with id <paramref name="id"/> at the head, or <c>null</c>.</summary>
    public async Task<StoredRow?> FindAsync(string table, string id) =>
        (await RowsAsync(table)).FirstOrDefault(r => r.Id == id);

    /// <summary>Row ids of a table at the head, sorted.</summary>
    public async Task<List<string>> IdsAsync(string table) => [.. (await RowsAsync(table)).Select(static r => r.Id)];

    /// <summary>Edges of an edge table at the head as "src->dst", sorted.</summary>
    public async Task<List<string>> EdgesAsync(string table) =>
        [.. (await RowsAsync(table)).Select(static r => $"{r.Source}->{r.Target}").Order(StringComparer.Ordinal)];

    /// <summary>The targets of the edges of <paramref name="table"/> leaving <paramref name="source"/>, sorted.</summary>
    public async Task<List<string>> TargetsAsync(string table, string source) =>
        [.. (await RowsAsync(table)).Where(r => r.Source == source).Select(static r => r.Target!).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Every live row of every table at the head, one sorted line per row (<c>node:Person Alice age=30 …</c>, edges by
    /// endpoints and properties, not by id: a replay mints new edge ids). Two graphs hold the same data when these are equal.
    /// </summary>
    public async Task<string> ContentsAsync()
    {
        var snapshot = await HeadAsync();
        var lines = new List<string>();
        foreach (var table in snapshot.Tables)
        {
            foreach (var row in await RowsAsync(table.Table, snapshot))
            {
                var cells = string.Join(" ", row.Cells.OrderBy(static c => c.Key, StringComparer.Ordinal).Select(static c => $"{c.Key}={c.Value ?? "null"}"));
                lines.Add(row.Source is null ? $"{table.Table} {row.Id} {cells}" : $"{table.Table} {row.Source}->{row.Target} {cells}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }

    /// <summary>
    /// The keys of the recovery sidecars in the store (left behind by an interrupted write), once the writes this silo
    /// acknowledged are completed (their sidecars are deleted after the acknowledgement; the status call waits for that).
    /// </summary>
    public async Task<IReadOnlyList<string>> SidecarsAsync()
    {
        await Manifest.GetRecoveryStatusAsync();
        var page = await Store.ListAsync(RecoveryPrefix);
        return [.. page.Objects.Select(static o => o.Key)];
    }
}
