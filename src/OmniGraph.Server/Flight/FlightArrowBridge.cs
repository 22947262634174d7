using OmniGraph.Arrow.Ipc;
using OmniGraphBatch = OmniGraph.Arrow.RecordBatch;
using OmniGraphSchema = OmniGraph.Arrow.ArrowSchema;

namespace OmniGraph.Server.Flight;

/// <summary>
/// The one place where the engine's Arrow types (<c>src/OmniGraph.Arrow</c>, the storage format) meet Apache.Arrow's
/// (the type of the Flight boundary). Both speak the Arrow IPC stream format, so a batch crosses as one IPC message:
/// each column's buffers are copied once, whole (no per-row work, no per-value boxing), and the side that reads
/// keeps views over that one buffer. The engine's reader checks what comes in exactly as it checks a stored file, so a
/// batch of a type the engine does not store is refused with the codec's own typed error.
/// </summary>
internal static class FlightArrowBridge
{
    /// <summary>The Apache.Arrow schema of <paramref name="schema"/> (fields, types, nullability, metadata).</summary>
    public static Apache.Arrow.Schema ToApache(OmniGraphSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var reader = new Apache.Arrow.Ipc.ArrowStreamReader(ArrowStreamWriter.WriteToArray(schema, []).AsMemory());
        return reader.Schema;
    }

    /// <summary>
    /// <paramref name="batch"/> as an Apache.Arrow record batch: the typed columns, their nulls and nested values.
    /// The result's arrays view one buffer of the batch's IPC form.
    /// </summary>
    public static Apache.Arrow.RecordBatch ToApache(OmniGraphBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var reader = new Apache.Arrow.Ipc.ArrowStreamReader(ArrowStreamWriter.WriteToArray(batch.Schema, [batch]).AsMemory());
        return reader.ReadNextRecordBatch() ?? throw new InvalidOperationException("the IPC form of a record batch holds no batch");
    }

    /// <summary><paramref name="batch"/> as the engine's record batch.</summary>
    /// <exception cref="OmniGraphException">The codec's typed errors: a type or layout the engine does not store.</exception>
    public static OmniGraphBatch FromApache(Apache.Arrow.RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var stream = new MemoryStream();
        using (var writer = new Apache.Arrow.Ipc.ArrowStreamWriter(stream, batch.Schema, leaveOpen: true))
        {
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }

        var (_, batches) = ArrowStreamReader.ReadAll(stream.GetBuffer().AsMemory(0, checked((int)stream.Length)));
        return batches.Count == 1 ? batches[0] : throw new InvalidOperationException($"the IPC form of one record batch holds {batches.Count}");
    }

    /// <summary>The bytes of <paramref name="batch"/>'s buffers, nested arrays included (what its Flight message carries).</summary>
    public static long BufferBytes(Apache.Arrow.RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Arrays.Sum(static array => BufferBytes(array.Data));
    }

    private static long BufferBytes(Apache.Arrow.ArrayData data) =>
        (data.Buffers?.Sum(static buffer => (long)buffer.Length) ?? 0) + (data.Children?.Sum(BufferBytes) ?? 0);
}
