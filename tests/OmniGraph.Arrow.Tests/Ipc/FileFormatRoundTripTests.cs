using OmniGraph.Arrow.Ipc;

namespace OmniGraph.Arrow.Tests.Ipc;

/// <summary>The round-trip contract for the IPC file format.</summary>
public sealed class FileFormatRoundTripTests : IpcRoundTripConformance
{
    protected override string FormatName => "file";

    protected override byte[] Write(ArrowSchema schema, IReadOnlyList<RecordBatch> batches, ArrowWriteOptions? options = null) =>
        ArrowFileWriter.WriteToArray(schema, batches, options);

    protected override (ArrowSchema Schema, IReadOnlyList<RecordBatch> Batches) Read(ReadOnlyMemory<byte> bytes, ArrowReadOptions? options = null) =>
        ArrowFileReader.ReadAll(bytes, options);
}
