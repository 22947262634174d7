using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Arrow;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;

namespace OmniGraph.Grains.Tests.Cost;

/// <summary>
/// <c>nearest</c> through a table grain above the exact-scan threshold: the exact scan answers while the HNSW graph of
/// the version is built in the background, the graph answers once complete (recall against the exact answer), and a
/// write's version is answered at once (the previous graph plus an exact scan of the appended rows) and its graph extended.
/// </summary>
public sealed class VectorIndexTests
{
    private const string Schema = "node Vec { name: String @key  v: Vector(8) }";
    private const int Rows = 25_000;
    private const int Dimensions = 8;

    [Fact]
    public async Task LargeTable_IsAnsweredByItsGraphOnceBuilt_AndAppendsAreSearchableAtOnce()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore(), Schema);
        var random = new Random(7);
        var vectors = Enumerable.Range(0, Rows).Select(_ => RandomVector(random)).ToArray();
        await host.WriteAsync(TableWrite.FromBatches("node:Vec", TableWriteMode.Upsert, Batch(0, vectors)));
        var grain = host.Table("node:Vec");
        var version = (await host.HeadAsync()).GetTable("node:Vec");
        var queries = Enumerable.Range(0, 20).Select(_ => RandomVector(random)).ToArray();

        // The first search answers exactly (nothing built yet) and starts the graph build.
        Assert.Equal(Exact(vectors, queries[0]), await NearestAsync(grain, version, queries[0]));
        await WaitForGraphAsync(grain, version);

        var found = 0;
        foreach (var query in queries)
        {
            found += (await NearestAsync(grain, version, query)).Intersect(Exact(vectors, query)).Count();
        }

        Assert.True(found >= 0.95 * queries.Length * 10, $"recall@10 {found / (queries.Length * 10.0):F3}");

        // An appended row equal to a query is its nearest at once, before the next graph is complete.
        await host.WriteAsync(TableWrite.FromBatches("node:Vec", TableWriteMode.Upsert, Batch(Rows, [queries[3]])));
        var next = (await host.HeadAsync()).GetTable("node:Vec");
        Assert.Equal($"v{Rows:D6}", (await NearestAsync(grain, next, queries[3]))[0]);
        await WaitForGraphAsync(grain, next);
        Assert.Equal($"v{Rows:D6}", (await NearestAsync(grain, next, queries[3]))[0]);
    }

    [Fact]
    public async Task TheExactThresholdAndGraphParameters_AreTheSilosOptions()
    {
        // 2,000 rows: below the default threshold (20,000) no graph is built; with a threshold of 500 and a small graph
        // (M 8, ef_construction 40, ef_search 32) the grain builds one and answers from it.
        const int rows = 2_000;
        var random = new Random(11);
        var vectors = Enumerable.Range(0, rows).Select(_ => RandomVector(random)).ToArray();
        var query = RandomVector(random);
        foreach (var threshold in new int?[] { null, 500 })
        {
            await using var host = await GraphHost.InitAsync(new MemoryObjectStore(), Schema, o =>
            {
                if (threshold is { } value)
                {
                    o.VectorSearch.ExactThreshold = value;
                    o.VectorSearch.Hnsw.M = 8;
                    o.VectorSearch.Hnsw.EfConstruction = 40;
                    o.VectorSearch.Hnsw.EfSearch = 32;
                }
            });
            await host.WriteAsync(TableWrite.FromBatches("node:Vec", TableWriteMode.Upsert, Batch(0, vectors)));
            var grain = host.Table("node:Vec");
            var version = (await host.HeadAsync()).GetTable("node:Vec");

            Assert.Equal(Exact(vectors, query), await NearestAsync(grain, version, query));
            if (threshold is null)
            {
                Assert.Equal(0, (await grain.GetSearchIndexStatisticsAsync(version)).CompleteGraphs);
                continue;
            }

            await WaitForGraphAsync(grain, version);
            Assert.True((await NearestAsync(grain, version, query)).Intersect(Exact(vectors, query)).Count() >= 9);
        }
    }

    private static async Task WaitForGraphAsync(ITableBranchGrain grain, TableVersionRef version)
    {
        // Polls the background build (an iteration budget, no wall-clock assertion).
        for (var attempt = 0; attempt < 6_000; attempt++)
        {
            if ((await grain.GetSearchIndexStatisticsAsync(version)).CompleteGraphs == 1)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the HNSW graph was never completed");
    }

    private static async Task<List<string>> NearestAsync(ITableBranchGrain grain, TableVersionRef version, float[] query)
    {
        var request = new TableSelectionRequest(null, [], []) { Ranking = new SearchRanking([SearchArm.Nearest("v", [.. query])], 10, null) };
        var selection = await grain.SelectAsync(version, request);
        Assert.Equal(selection.RowCount, selection.Scores.Length);
        return [.. Enumerable.Range(0, selection.RowCount).Select(selection.Ids.GetString)];
    }

    private static List<string> Exact(float[][] vectors, float[] query) =>
        [.. vectors.Select((v, i) => (Distance: System.Numerics.Tensors.TensorPrimitives.Distance(v, query), Name: $"v{i:D6}"))
            .OrderBy(static x => x.Distance).ThenBy(static x => x.Name, StringComparer.Ordinal).Take(10).Select(static x => x.Name)];

    private static float[] RandomVector(Random random) => [.. Enumerable.Range(0, Dimensions).Select(_ => (float)random.NextDouble())];

    private static RecordBatch Batch(int start, IReadOnlyList<float[]> vectors)
    {
        var layout = OmniGraph.Tables.Tests.Support.Rows.Layout("node:Vec", Schema);
        var ids = new Utf8ColumnBuilder();
        var names = new Utf8ColumnBuilder();
        var values = (FixedSizeListColumnBuilder)ArrowColumnBuilder.Create(layout.Schema.Fields[2].Type);
        for (var i = 0; i < vectors.Count; i++)
        {
            var name = $"v{start + i:D6}";
            ids.Append(name);
            names.Append(name);
            values.AppendValues<float>(vectors[i]);
        }

        return new RecordBatch(layout.Schema, ImmutableArray.Create<ArrowColumn>(ids.Build(), names.Build(), values.Build()));
    }
}
