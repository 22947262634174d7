using OmniGraph.Arrow.Ipc;

namespace OmniGraph.Arrow.Tests.Ipc;

/// <summary>The round-trip contract for the IPC stream format.</summary>
public sealed class StreamFormatRoundTripTests : IpcRoundTripConformance
{
    protected override string FormatName => "stream";

    protected override byte[] Write(ArrowSchema schema, IReadOnlyList<RecordBatch> batches, ArrowWriteOptions? options = null) =>
        ArrowStreamWriter.WriteToArray(schema, batches, options);

    protected override (ArrowSchema Schema, IReadOnlyList<RecordBatch> Batches) Read(ReadOnlyMemory<byte> bytes, ArrowReadOptions? options = null) =>
        ArrowStreamReader.ReadAll(bytes, options);
}
