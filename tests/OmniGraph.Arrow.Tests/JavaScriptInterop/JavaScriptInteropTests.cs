using System.Text.Json.Nodes;
using OmniGraph.Arrow.Ipc;
using OmniGraph.Arrow.Tests.TestSupport;

namespace OmniGraph.Arrow.Tests.JavaScriptInterop;

/// <summary>
/// Interop both ways with the official JavaScript implementation (apache-arrow from npm, pinned in
/// interop/package.json): files and streams we write are read there with identical schema and values, and files
/// it writes are read here with identical values and types.
/// </summary>
public sealed class JavaScriptInteropTests
{
    /// <summary>
    /// Our file (every type, nulls, metadata, several batches, the OmniGraph checksum in the footer) read by
    /// apache-arrow: the schema and every value it reports equal what we wrote, which also proves it ignores the
    /// footer's checksum entry.
    /// </summary>
    [Fact]
    public void JsReader_ReadsOurFile_WithIdenticalSchemaAndValues()
    {
        RecordBatch[] batches = [SampleData.RandomAllTypes(300, seed: 1, nullRate: 0.2), SampleData.RandomAllTypes(1, seed: 2, nullRate: 0), SampleData.RandomAllTypes(0, seed: 3, nullRate: 0)];
        var bytes = ArrowFileWriter.WriteToArray(SampleData.AllTypesSchema, batches);
        Assert.True(ArrowFileReader.Open(bytes).IsChecksumVerified);

        using var file = new TempFile("ours.arrow");
        File.WriteAllBytes(file.Path, bytes);
        var seenByJs = JsonNode.Parse(NodeScripts.Run("read-arrow.mjs", file.Path, "file"));

        Assert.Equal(ArrowJson.Canonical(ArrowJson.Render(SampleData.AllTypesSchema, batches)), ArrowJson.Canonical(seenByJs));
    }

    [Fact]
    public void JsReader_ReadsOurStream_WithIdenticalSchemaAndValues()
    {
        RecordBatch[] batches = [SampleData.RandomAllTypes(120, seed: 4, nullRate: 0.3), SampleData.RandomAllTypes(7, seed: 5, nullRate: 0.5)];
        var bytes = ArrowStreamWriter.WriteToArray(SampleData.AllTypesSchema, batches, new ArrowWriteOptions { Alignment = 8 });

        using var file = new TempFile("ours.arrows");
        File.WriteAllBytes(file.Path, bytes);
        var seenByJs = JsonNode.Parse(NodeScripts.Run("read-arrow.mjs", file.Path, "stream"));

        Assert.Equal(ArrowJson.Canonical(ArrowJson.Render(SampleData.AllTypesSchema, batches)), ArrowJson.Canonical(seenByJs));
    }

    /// <summary>The JS library's own reading of the file it wrote agrees with our reading of it, value for value.</summary>
    [Fact]
    public void OurReader_ReadsJsFile_WithIdenticalValuesAndTypes()
    {
        using var file = new TempFile("js.arrow");
        NodeScripts.Run("write-arrow.mjs", file.Path, "file");
        var bytes = File.ReadAllBytes(file.Path);

        var reader = ArrowFileReader.Open(bytes, new ArrowReadOptions { RequireChecksum = false });
        var batches = reader.ReadAllRecordBatches();

        Assert.False(reader.IsChecksumVerified);
        Assert.Equal(SampleData.JsSchema, reader.Schema);
        AssertBatchesEqual(SampleData.JsBatches(), batches);

        var seenByJs = JsonNode.Parse(NodeScripts.Run("read-arrow.mjs", file.Path, "file"));
        Assert.Equal(ArrowJson.Canonical(seenByJs), ArrowJson.Canonical(ArrowJson.Render(reader.Schema, batches)));
    }

    [Fact]
    public void OurReader_ReadsJsStream_WithIdenticalValuesAndTypes()
    {
        using var file = new TempFile("js.arrows");
        NodeScripts.Run("write-arrow.mjs", file.Path, "stream");

        var (schema, batches) = ArrowStreamReader.ReadAll(File.ReadAllBytes(file.Path));

        Assert.Equal(SampleData.JsSchema, schema);
        AssertBatchesEqual(SampleData.JsBatches(), batches);
    }

    /// <summary>A file the JS library wrote, rewritten by us and read back by the JS library, is unchanged.</summary>
    [Fact]
    public void JsFile_RewrittenByUs_IsReadByJsUnchanged()
    {
        using var original = new TempFile("js.arrow");
        NodeScripts.Run("write-arrow.mjs", original.Path, "file");
        var (schema, batches) = ArrowFileReader.ReadAll(File.ReadAllBytes(original.Path));

        using var rewritten = new TempFile("rewritten.arrow");
        File.WriteAllBytes(rewritten.Path, ArrowFileWriter.WriteToArray(schema, batches));

        Assert.Equal(
            ArrowJson.Canonical(JsonNode.Parse(NodeScripts.Run("read-arrow.mjs", original.Path, "file"))),
            ArrowJson.Canonical(JsonNode.Parse(NodeScripts.Run("read-arrow.mjs", rewritten.Path, "file"))));
    }

    private static void AssertBatchesEqual(IReadOnlyList<RecordBatch> expected, IReadOnlyList<RecordBatch> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var b = 0; b < expected.Count; b++)
        {
            Assert.Equal(expected[b].Length, actual[b].Length);
            for (var c = 0; c < expected[b].ColumnCount; c++)
            {
                var name = expected[b].Schema.Fields[c].Name;
                Assert.True(expected[b].Column(c).ContentEquals(actual[b].Column(c)), $"batch {b} column '{name}' differs");
            }
        }
    }
}
