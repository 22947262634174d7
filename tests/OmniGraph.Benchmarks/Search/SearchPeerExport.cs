using System.Text;
using System.Text.Json;
using OmniGraph.Arrow;
using OmniGraph.Search;

namespace OmniGraph.Benchmarks.Search;

/// <summary>
/// Writes the data set and queries of a <c>search-check</c> run (<c>--export DIR</c>) for a peer to load, with our
/// answers beside them: <c>docs.csv</c> (id,text), <c>text-queries.json</c> (each query with our BM25 top-10 ids),
/// <c>vector-ids.npy</c> and <c>vectors.npy</c> (int64 ids, float32 rows × dims), <c>vector-queries.json</c> (each probe
/// with the exact top-10 ids). Ids are global row numbers (fragment × fragment rows + row). <c>kuzu-peer.js</c> beside
/// this file loads them into Kùzu and measures its FTS and vector indexes on them.
/// </summary>
internal static class SearchPeerExport
{
    public static void WriteDocuments(string directory, Utf8Column[] columns)
    {
        Directory.CreateDirectory(directory);
        using var writer = new StreamWriter(Path.Combine(directory, "docs.csv"), append: false, new UTF8Encoding(false));
        writer.Write("id,text\n");
        long id = 0;
        foreach (var column in columns)
        {
            for (var row = 0; row < column.Length; row++, id++)
            {
                // The generated words hold no comma or quote; quoting keeps the file valid CSV anyway.
                writer.Write(id);
                writer.Write(",\"");
                writer.Write(Encoding.UTF8.GetString(column.GetBytes(row)).Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write("\"\n");
            }
        }
    }

    public static void WriteTextQueries(string directory, IReadOnlyList<string> queries, Func<string, IReadOnlyList<ScoredRow>> ours, int fragmentRows) =>
        WriteJson(directory, "text-queries.json", queries.Select(q => new { query = q, ours = ours(q).Select(r => Id(r.Row, fragmentRows)).ToArray() }));

    public static void WriteVectors(string directory, ArrowColumn[] columns, int dimensions)
    {
        Directory.CreateDirectory(directory);
        var rows = columns.Sum(static c => (long)c.Length);
        using (var ids = Npy(Path.Combine(directory, "vector-ids.npy"), "<i8", $"({rows},)"))
        {
            for (long id = 0; id < rows; id++)
            {
                ids.Write(BitConverter.GetBytes(id));
            }
        }

        using var vectors = Npy(Path.Combine(directory, "vectors.npy"), "<f4", $"({rows}, {dimensions})");
        foreach (var column in columns)
        {
            var list = (FixedSizeListColumn)column;
            for (var row = 0; row < list.Length; row++)
            {
                vectors.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(list.GetVector(row)));
            }
        }
    }

    public static void WriteVectorQueries(string directory, float[][] probes, Func<float[], IReadOnlyList<ScoredRow>> exact, int fragmentRows) =>
        WriteJson(directory, "vector-queries.json", probes.Select(p => new { vector = p, exact = exact(p).Select(r => Id(r.Row, fragmentRows)).ToArray() }));

    private static long Id(RowLocation row, int fragmentRows) => ((long)row.Fragment * fragmentRows) + row.Row;

    private static void WriteJson<T>(string directory, string name, IEnumerable<T> items)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name), JsonSerializer.Serialize(items.ToArray()));
    }

    /// <summary>A NumPy .npy (format 1.0) file whose header is written; the caller writes the little-endian data.</summary>
    private static FileStream Npy(string path, string descr, string shape)
    {
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        var total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + ((64 - (total % 64)) % 64)) + "\n";
        var stream = File.Create(path);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(Encoding.ASCII.GetBytes(header));
        return stream;
    }
}
