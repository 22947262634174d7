using OmniGraph.Abstractions;
using OmniGraph.Loading.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.Hosting;

namespace OmniGraph.Loading.Tests.Export;

/// <summary>Export writes load records with physical ids; loading them into a fresh graph reproduces the graph exactly.</summary>
public abstract class ExportRoundTripTests(ClusterShape shape) : ClusterShapedTests(shape)
{
    /// <summary>Every property type, nullable and not, keyed by several key types, unkeyed with ids, edges with properties.</summary>
    private const string EveryTypeSchema = """
        node Sample {
            code: String @key
            flag: Bool
            i32: I32
            i64: I64?
            u32: U32?
            u64: U64?
            f32: F32?
            f64: F64?
            day: Date?
            at: DateTime?
            blob: Blob?
            tags: [String]?
            scores: [I64]?
            days: [Date]?
            embedding: Vector(3)?
            role: enum(admin, guest, member)?
        }
        node Stamp {
            when: DateTime @key
            note: String?
        }
        node Reading {
            value: F64 @key
        }
        node Task {
            project: String
            number: I64
            @key(project, number)
        }
        node Loose {
            text: String?
        }
        edge Links: Sample -> Loose {
            weight: F32?
            since: Date?
            labels: [String]?
        }
        edge Blocks: Task -> Task
        """;

    private const string EveryTypeData = """
        {"type":"Sample","data":{"code":"a","flag":true,"i32":-2147483648,"i64":-9223372036854775808,"u32":4294967295,"u64":18446744073709551615,"f32":0.1,"f64":1e21,"day":"1970-01-01","at":"2024-06-01T14:00:00.250+02:00","blob":"base64:AAEC/w==","tags":["x","caf\u00e9 \"q\" \\ \n","\u2603"],"scores":[1,-2,3],"days":["2024-02-29",-1],"embedding":[0.5,-1,3.25],"role":"admin"}}
        {"type":"Sample","data":{"code":"b","flag":false,"i32":0}}
        {"type":"Sample","data":{"code":"c \u00fc \t tab","flag":false,"i32":7,"f32":3.4028235e38,"f64":-0.0,"day":-719162,"at":-62135596800001,"blob":"base64:","tags":[],"scores":[],"embedding":[1e-7,0,-0.1],"role":"member"}}
        {"type":"Stamp","data":{"when":"2024-06-01T12:00:00Z","note":"noon"}}
        {"type":"Stamp","data":{"when":0}}
        {"type":"Reading","data":{"value":0.1}}
        {"type":"Reading","data":{"value":-2.5e-300}}
        {"type":"Task","data":{"project":"acme","number":42}}
        {"type":"Task","data":{"project":"ac\"me","number":7}}
        {"type":"Loose","data":{"id":"l-1","text":"one"}}
        {"type":"Loose","data":{"text":null}}
        {"edge":"Links","from":"a","to":"l-1","data":{"id":"e-1","weight":2.5,"since":"2020-01-01","labels":["p","q"]}}
        {"edge":"Links","from":"c \u00fc \t tab","to":"l-1"}
        {"edge":"Blocks","from":"[\"acme\",\"42\"]","to":"[\"ac\\\"me\",\"7\"]","data":{"id":"b-1"}}

        """;

    [Fact]
    public async Task Export_ThenLoadIntoAFreshGraph_ReproducesEveryType()
    {
        await using var source = await LoadingHost.InitAsync(EveryTypeSchema);
        await source.LoadAsync(GraphLoadMode.Overwrite, EveryTypeData);
        var exported = await source.ExportAsync();

        await using var copy = await LoadingHost.InitAsync(EveryTypeSchema);
        var output = await copy.LoadAsync(GraphLoadMode.Overwrite, exported);
        var again = await copy.ExportAsync();

        Assert.Equal(14, output.TotalEntities);
        Assert.Equal(exported, again);
        var sourceHead = await source.HeadAsync();
        var copyHead = await copy.HeadAsync();
        foreach (var table in sourceHead.Tables)
        {
            var original = await source.Client.GetTable(table.Table, table.ChainBranch).ScanAsync(table, []);
            var copied = copyHead.GetTable(table.Table);
            var reloaded = await copy.Client.GetTable(copied.Table, copied.ChainBranch).ScanAsync(copied, []);
            Assert.Equal(original.RowCount, reloaded.RowCount);
            Assert.Equal(original.Batches.Length, reloaded.Batches.Length);
            for (var i = 0; i < original.Batches.Length; i++)
            {
                Assert.True(original.Batches[i].ContentEquals(reloaded.Batches[i]), $"{table.Table} batch {i} differs after the round trip");
            }
        }
    }

    /// <summary>
    /// A fresh silo has nothing warm: every fragment is read back from its stored Arrow file, so this catches values
    /// that the writing silo could serve from memory but that did not survive the file (e.g. null vectors).
    /// </summary>
    [Fact]
    public async Task EveryType_ReadsBackFromStorageInAFreshSilo()
    {
        var store = new MemoryObjectStore();
        string before;
        await using (var writer = await LoadingHost.InitAsync(store, EveryTypeSchema))
        {
            await writer.LoadAsync(GraphLoadMode.Overwrite, EveryTypeData);
            before = await writer.ExportAsync();
        }

        await using var reader = await LoadingHost.StartAsync(store);
        Assert.Equal(before, await reader.ExportAsync());
    }

    [Fact]
    public async Task Export_WritesLoadEnvelopesWithPhysicalIds()
    {
        await using var host = await LoadingHost.InitAsync(EveryTypeSchema);
        await host.LoadAsync(GraphLoadMode.Overwrite, EveryTypeData);

        var lines = (await host.ExportAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(14, lines.Length);
        Assert.Equal(
            """{"type":"Sample","data":{"id":"a","code":"a","flag":true,"i32":-2147483648,"i64":-9223372036854775808,"u32":4294967295,"u64":18446744073709551615,"f32":0.1,"f64":1E+21,"day":"1970-01-01","at":"2024-06-01T12:00:00.250Z","blob":"base64:AAEC/w==","tags":["x","café \"q\" \\ \n","☃"],"scores":[1,-2,3],"days":["2024-02-29","1969-12-31"],"embedding":[0.5,-1,3.25],"role":"admin"}}""",
            lines[0]);
        Assert.Equal(
            """{"type":"Sample","data":{"id":"b","code":"b","flag":false,"i32":0,"i64":null,"u32":null,"u64":null,"f32":null,"f64":null,"day":null,"at":null,"blob":null,"tags":null,"scores":null,"days":null,"embedding":null,"role":null}}""",
            lines[1]);
        Assert.Contains("\"day\":\"0001-01-01\"", lines[2], StringComparison.Ordinal);
        Assert.Contains("\"at\":-62135596800001", lines[2], StringComparison.Ordinal);
        Assert.Equal("""{"type":"Stamp","data":{"id":"1717243200000","when":"2024-06-01T12:00:00.000Z","note":"noon"}}""", lines[3]);
        Assert.Equal("""{"type":"Task","data":{"id":"[\"acme\",\"42\"]","project":"acme","number":42}}""", lines[7]);
        Assert.StartsWith("""{"type":"Loose","data":{"id":"l-1","text":"one"}}""", lines[9], StringComparison.Ordinal);
        Assert.Equal("""{"edge":"Links","from":"a","to":"l-1","data":{"id":"e-1","weight":2.5,"since":"2020-01-01","labels":["p","q"]}}""", lines[11]);
        Assert.Equal("""{"edge":"Blocks","from":"[\"acme\",\"42\"]","to":"[\"ac\\\"me\",\"7\"]","data":{"id":"b-1"}}""", lines[13]);
    }

    [Fact]
    public async Task Export_SelectedTypes_InSchemaOrder()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        await host.LoadAsync(GraphLoadMode.Overwrite, AcceptanceFixtures.TestData);

        var lines = (await host.ExportAsync("main", "WorksAt", "Company")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(4, lines.Length);
        Assert.StartsWith("""{"type":"Company","data":{"id":"Acme",""", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("""{"type":"Company","data":{"id":"Globex",""", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("""{"edge":"WorksAt","from":"Alice","to":"Acme","data":{"id":""", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("""{"edge":"WorksAt","from":"Bob","to":"Globex","data":{"id":""", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownType_IsTypedBeforeAnyOutput()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);
        await host.LoadAsync(GraphLoadMode.Overwrite, AcceptanceFixtures.TestData);
        using var output = new MemoryStream();

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.UnknownType, () => host.Client.ExportAsync(output, "main", ["Person", "Persn"]));

        Assert.Equal("unknown_type", error.Code);
        Assert.Equal("unknown export type 'Persn'", error.Message);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task Export_MissingBranch_IsBranchNotFound()
    {
        await using var host = await LoadingHost.InitAsync(AcceptanceFixtures.TestSchema);

        await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNotFound, () => host.ExportAsync("feature"));
    }

    /// <summary>Many pages and chunks: the export is streamed, and still reloads to the same graph.</summary>
    [Fact]
    public async Task Export_ManyPages_RoundTrips()
    {
        var data = Loads.StreamingLoadTests.Generate(persons: 500);
        const string schema = """
            node Person {
                name: String @key
                age: I32?
                bio: String?
            }
            edge Knows: Person -> Person {
                weight: F64?
            }
            """;
        await using var source = await LoadingHost.InitAsync(new OmniGraph.Storage.MemoryObjectStore(), schema, loading: o =>
        {
            o.ExportPageRows = 7;
            o.ExportChunkBytes = 1024;
        });
        await source.LoadAsync(GraphLoadMode.Overwrite, data);
        var chunks = 0;
        await foreach (var chunk in source.Client.ExportChunksAsync())
        {
            chunks++;
            Assert.Equal((byte)'\n', chunk.Jsonl.Span[^1]);
        }

        var exported = await source.ExportAsync();
        await using var copy = await LoadingHost.InitAsync(schema);
        await copy.LoadAsync(GraphLoadMode.Overwrite, exported);

        Assert.True(chunks > 50, $"{chunks} chunks");
        Assert.Equal(2000, exported.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(exported, await copy.ExportAsync());
    }
}

/// <summary><see cref="ExportRoundTripTests"/> on one silo.</summary>
public sealed class ExportRoundTripTestsOnOneSilo() : ExportRoundTripTests(ClusterShape.OneSilo);

/// <summary><see cref="ExportRoundTripTests"/> on three silos.</summary>
public sealed class ExportRoundTripTestsOnThreeSilos() : ExportRoundTripTests(ClusterShape.ThreeSilos);

/// <summary><see cref="ExportRoundTripTests"/> on three silos with random placement.</summary>
public sealed class ExportRoundTripTestsOnThreeSilosRandom() : ExportRoundTripTests(ClusterShape.ThreeSilosRandom);
