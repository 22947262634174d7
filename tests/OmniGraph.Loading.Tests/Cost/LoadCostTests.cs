using System.Text;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Ingest;
using OmniGraph.Loading.Tests.Support;
using OmniGraph.Schema;
using OmniGraph.Storage;

namespace OmniGraph.Loading.Tests.Cost;

/// <summary>Object-store requests per load, counted: a small load's cost follows the change, not the table.</summary>
public sealed class LoadCostTests
{
    private const string Schema = """
        node Person {
            name: String @key
            score: F64?
        }
        """;

    /// <summary>
    /// A 32-row merge load costs the same requests into a 30,000-row table as into a 1,000-row one, reads no data object,
    /// and writes exactly what the engine's own write of the same rows writes (its last fragment travels with the commit).
    /// </summary>
    [Fact]
    public async Task SmallMerge_CostsTheSameRequestsWhateverTheTableSize_AndNoMoreWritesThanADirectWrite()
    {
        var small = await UpsertCostAsync(1_000, viaLoad: true);
        var large = await UpsertCostAsync(30_000, viaLoad: true);
        var direct = await UpsertCostAsync(30_000, viaLoad: false);

        Assert.Equal(small, large);
        Assert.Equal(0, large.Gets);
        Assert.Equal(direct.Puts, large.Puts);
        Assert.Equal(direct.ConditionalPuts, large.ConditionalPuts);
        Assert.Equal(direct.Deletes, large.Deletes);
        Assert.Equal(direct.ConditionalDeletes, large.ConditionalDeletes);
    }

    private static async Task<ObjectStoreRequestCounts> UpsertCostAsync(int rows, bool viaLoad)
    {
        var store = new CountingObjectStore(new MemoryObjectStore());
        await using var host = await LoadingHost.InitAsync(store, Schema);
        await host.LoadAsync(GraphLoadMode.Overwrite, Lines(0, rows, score: 1));

        // Warm up the path (first activations, first schema reads), then count one more upsert.
        // Sidecars are deleted after the acknowledgement: settle the warm-up's completion before counting, and the counted
        // write's after it (the recovery-status call waits for completions; it costs the same in every case compared).
        await host.LoadAsync(GraphLoadMode.Merge, Lines(0, 32, score: 2));
        await host.Manifest.GetRecoveryStatusAsync();
        store.Reset();
        if (viaLoad)
        {
            await host.LoadAsync(GraphLoadMode.Merge, Lines(100, 32, score: 3));
        }
        else
        {
            await host.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Batch(100, 32, score: 3))]));
        }

        await host.Manifest.GetRecoveryStatusAsync();
        return store.Snapshot();
    }

    private static string Lines(int start, int count, double score)
    {
        var text = new StringBuilder();
        for (var i = start; i < start + count; i++)
        {
            text.Append("{\"type\":\"Person\",\"data\":{\"name\":\"p").Append(i).Append("\",\"score\":").Append(score).Append("}}\n");
        }

        return text.ToString();
    }

    private static RecordBatch Batch(int start, int count, double score)
    {
        var layout = TableLayout.For(SchemaCatalog.Compile(Schema).GetNodeType("Person"));
        var ids = new Utf8ColumnBuilder();
        var names = new Utf8ColumnBuilder();
        var scores = new PrimitiveColumnBuilder<double>(ArrowType.Float64);
        for (var i = start; i < start + count; i++)
        {
            ids.Append($"p{i}");
            names.Append($"p{i}");
            scores.Append(score);
        }

        return new RecordBatch(layout.Schema, [ids.Build(), names.Build(), scores.Build()]);
    }
}
