using OmniGraph.Arrow;
using OmniGraph.Arrow.Ipc;

namespace OmniGraph.Tables.Storage;

/// <summary>
/// Deletion files: an Arrow IPC file with one non-null UInt32 column <c>row</c> and one record batch per deletion vector.
/// A vector lists, in strictly ascending order, every deleted row ordinal of one fragment. A table version writes one
/// deletion file holding the vectors of all the fragments it touched, so a write costs one deletion object however many
/// fragments its deleted and replaced rows are spread over.
/// </summary>
internal static class DeletionVectorFiles
{
    /// <summary>The column name.</summary>
    public const string ColumnName = "row";

    private static readonly ArrowSchema s_schema = new([new ArrowField(ColumnName, ArrowType.UInt32, isNullable: false)]);
    private static readonly ArrowReadOptions s_readOptions = new() { RequireChecksum = true };

    /// <summary>The file bytes holding <paramref name="vectors"/>, one batch each, in order.</summary>
    public static byte[] Write(IReadOnlyList<uint[]> vectors)
    {
        var batches = new RecordBatch[vectors.Count];
        for (var i = 0; i < batches.Length; i++)
        {
            var builder = new PrimitiveColumnBuilder<uint>(ArrowType.UInt32);
            builder.AppendRange(vectors[i]);
            batches[i] = new RecordBatch(s_schema, [builder.Build()]);
        }

        return ArrowFileWriter.WriteToArray(s_schema, batches);
    }

    /// <summary>The file bytes holding one vector.</summary>
    public static byte[] Write(ReadOnlySpan<uint> deletedRows) => Write([deletedRows.ToArray()]);

    /// <summary>Opens a deletion file, checking its framing, checksum and column.</summary>
    /// <exception cref="CorruptObjectException">Anything is wrong with it.</exception>
    public static ArrowFileReader Open(string key, ReadOnlyMemory<byte> file)
    {
        try
        {
            var reader = ArrowFileReader.Open(file, s_readOptions);
            if (!FragmentFiles.SameLayout(reader.Schema, s_schema, out _))
            {
                throw new CorruptObjectException(key, "it does not have one non-null UInt32 column 'row'");
            }

            return reader;
        }
        catch (OmniGraphException exception) when (exception is not CorruptObjectException)
        {
            throw new CorruptObjectException(key, exception.Message, exception);
        }
    }

    /// <summary>Reads vector <paramref name="batch"/> of an open deletion file, checking its order, range and count.</summary>
    /// <exception cref="CorruptObjectException">Anything is wrong with it.</exception>
    public static PrimitiveColumn<uint> Read(string key, ArrowFileReader file, int batch, int fragmentRows, int expectedCount)
    {
        if ((uint)batch >= (uint)file.RecordBatchCount)
        {
            throw new CorruptObjectException(key, $"it holds {file.RecordBatchCount} deletion vectors, not vector {batch}");
        }

        PrimitiveColumn<uint> rows;
        try
        {
            rows = (PrimitiveColumn<uint>)file.ReadRecordBatch(batch).Column(0);
        }
        catch (OmniGraphException exception) when (exception is not CorruptObjectException)
        {
            throw new CorruptObjectException(key, exception.Message, exception);
        }

        if (rows.Length != expectedCount)
        {
            throw new CorruptObjectException(key, $"vector {batch} lists {rows.Length} rows, the table version says {expectedCount}");
        }

        var values = rows.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] >= (uint)fragmentRows || (i > 0 && values[i] <= values[i - 1]))
            {
                throw new CorruptObjectException(key, $"row {values[i]} at position {i} of vector {batch} is out of order or outside the fragment's {fragmentRows} rows");
            }
        }

        return rows;
    }

    /// <summary>Opens a deletion file and reads its vector <paramref name="batch"/>.</summary>
    public static PrimitiveColumn<uint> Read(string key, ReadOnlyMemory<byte> file, int batch, int fragmentRows, int expectedCount) =>
        Read(key, Open(key, file), batch, fragmentRows, expectedCount);
}
