using OmniGraph.Arrow;
using OmniGraph.Arrow.Ipc;

namespace OmniGraph.Tables.Storage;

/// <summary>
/// Fragment files: one Arrow IPC file (with its CRC-32C) holding one record batch of a table, laid out by the table's
/// layout. Reading keeps the columns as zero-copy views of the stored bytes.
/// </summary>
internal static class FragmentFiles
{
    private static readonly ArrowReadOptions s_readOptions = new() { RequireChecksum = true };

    /// <summary>The file bytes of one fragment (one buffer sized up front: a load writes many large fragments).</summary>
    public static ReadOnlyMemory<byte> Write(RecordBatch batch) => ArrowFileWriter.WriteToMemory(batch.Schema, [batch]);

    /// <summary>
    /// The file bytes of one fragment in an array rented from the shared pool, for a file that is stored and then not
    /// needed: dispose the result once the store's put has completed (a store keeps no caller's bytes past the call).
    /// A load writes a fragment file of megabytes per 128 Ki rows; pooled, they stop being a large-object allocation
    /// (and fresh pages to fault in) each.
    /// </summary>
    public static PooledBytes WritePooled(RecordBatch batch) => ArrowFileWriter.WriteToPooled(batch.Schema, [batch]);

    /// <summary>Reads a fragment, checking its checksum, its layout and its row count.</summary>
    /// <exception cref="CorruptObjectException">Anything is wrong with it.</exception>
    public static RecordBatch Read(string key, ReadOnlyMemory<byte> file, ArrowSchema layout, int expectedRows) =>
        ReadChecked(key, file, layout, expectedRows);

    /// <summary>
    /// Checks a fragment without knowing its table's layout (repair reads fragments by the table version alone): its
    /// checksum, one record batch that decodes, its row count.
    /// </summary>
    /// <exception cref="CorruptObjectException">Anything is wrong with it.</exception>
    public static void Verify(string key, ReadOnlyMemory<byte> file, int expectedRows) => ReadChecked(key, file, layout: null, expectedRows);

    private static RecordBatch ReadChecked(string key, ReadOnlyMemory<byte> file, ArrowSchema? layout, int expectedRows)
    {
        RecordBatch batch;
        try
        {
            var reader = ArrowFileReader.Open(file, s_readOptions);
            if (reader.RecordBatchCount != 1)
            {
                throw new CorruptObjectException(key, $"it holds {reader.RecordBatchCount} record batches, expected 1");
            }

            if (layout is not null && !SameLayout(reader.Schema, layout, out var difference))
            {
                throw new CorruptObjectException(key, $"its columns do not match the table layout: {difference}");
            }

            batch = reader.ReadRecordBatch(0);
        }
        catch (OmniGraphException exception) when (exception is not CorruptObjectException)
        {
            throw new CorruptObjectException(key, exception.Message, exception);
        }

        if (batch.Length != expectedRows)
        {
            throw new CorruptObjectException(key, $"it holds {batch.Length} rows, the table version says {expectedRows}");
        }

        return batch;
    }

    /// <summary>Whether two schemas have the same columns (names, types, nullability), ignoring metadata.</summary>
    public static bool SameLayout(ArrowSchema actual, ArrowSchema expected, out string? difference)
    {
        if (actual.FieldCount != expected.FieldCount)
        {
            difference = $"{actual.FieldCount} columns, expected {expected.FieldCount}";
            return false;
        }

        for (var i = 0; i < actual.FieldCount; i++)
        {
            var a = actual.Fields[i];
            var e = expected.Fields[i];
            if (!string.Equals(a.Name, e.Name, StringComparison.Ordinal) || !a.Type.Equals(e.Type) || a.IsNullable != e.IsNullable)
            {
                difference = $"column {i} is {a}, expected {e}";
                return false;
            }
        }

        difference = null;
        return true;
    }
}
