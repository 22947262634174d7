namespace OmniGraph.Arrow.Ipc.Writing;

/// <summary>What <see cref="ArrowFileWriter"/> and <see cref="ArrowStreamWriter"/> share, so whole-output helpers serve both.</summary>
internal interface IRecordBatchWriter
{
    void WriteRecordBatch(RecordBatch batch);

    void Finish();
}
