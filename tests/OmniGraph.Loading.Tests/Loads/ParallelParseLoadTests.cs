using System.Text;
using OmniGraph.Abstractions;
using OmniGraph.Ingest;
using OmniGraph.Loading.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Loading.Tests.Loads;

/// <summary>
/// A load parsed on several lanes (many small parse chunks) gives the graph, and the errors, of a one-lane parse; a
/// refused load writes nothing whichever lane found the error.
/// </summary>
public sealed class ParallelParseLoadTests
{
    private const string Schema = StreamingLoadTests.Schema;

    // About 60 Person lines per chunk: line 100 is in the second chunk.
    private const int ChunkBytes = 4096;

    [Fact]
    public async Task ManyChunksOnTwoLanes_LoadTheGraphOfOneLane()
    {
        var data = StreamingLoadTests.Generate(persons: 300);
        await using var oneLane = await LoadingHost.InitAsync(new MemoryObjectStore(), Schema, intake: o => o.ParseParallelism = 1);
        await using var twoLanes = await StartAsync();

        var reference = await oneLane.Client.LoadJsonlAsync(data, GraphLoadMode.Overwrite);
        var output = await twoLanes.Client.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(data)), GraphLoadMode.Overwrite, options: new GraphLoadOptions { ChunkBytes = 20_000 });

        Assert.Equal(reference.TotalEntities, output.TotalEntities);
        Assert.Equal(await oneLane.ExportAsync(), await twoLanes.ExportAsync());
    }

    [Fact]
    public async Task BadLineInTheSecondChunk_FailsAsWithOneLane_AndWritesNothing()
    {
        var lines = StreamingLoadTests.Generate(persons: 300).Split('\n');
        lines[99] = """{"type":"Person","data":{"name":"p99","age":"old"}}""";
        await AssertFailsAsWithOneLaneAsync(string.Join('\n', lines), ErrorCodes.InvalidData, line: 100);
    }

    [Fact]
    public async Task KeyRepeatedInTheSecondChunk_FailsAsWithOneLane_AndWritesNothing()
    {
        var lines = StreamingLoadTests.Generate(persons: 300).Split('\n');
        lines[99] = """{"type":"Person","data":{"name":"p3","age":1}}""";
        lines[250] = "{broken";
        var error = await AssertFailsAsWithOneLaneAsync(string.Join('\n', lines), ErrorCodes.UniqueViolation, line: 100);
        Assert.Equal(4L, error.Get(ErrorDetail.FirstLine));
    }

    private static Task<LoadingHost> StartAsync() =>
        LoadingHost.InitAsync(new MemoryObjectStore(), Schema, loading: o => o.MaxFragmentWritesInFlight = 2, intake: o =>
        {
            o.ParseParallelism = 2;
            o.ParseChunkBytes = ChunkBytes;
            o.FragmentMaxRows = 17;
        });

    private static async Task<IngestException> AssertFailsAsWithOneLaneAsync(string data, string code, long line)
    {
        await using var oneLane = await LoadingHost.InitAsync(new MemoryObjectStore(), Schema, intake: o => o.ParseParallelism = 1);
        var expected = await ErrorAssert.ThrowsAsync<IngestException>(code, () => oneLane.Client.LoadJsonlAsync(data, GraphLoadMode.Overwrite));
        Assert.Equal(line, expected.Line);

        await using var host = await StartAsync();
        var error = await ErrorAssert.ThrowsAsync<IngestException>(code, () => host.Client.LoadAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(data)),
            GraphLoadMode.Overwrite,
            options: new GraphLoadOptions { ChunkBytes = 20_000 }));

        Assert.Equal(expected.Message, error.Message);
        Assert.Equal(line, error.Line);
        var head = await host.HeadAsync();
        Assert.Equal(1, head.ManifestVersion);
        Assert.Single((await host.Client.ListCommitsAsync()).Commits);
        Assert.Empty(await host.SidecarsAsync());
        Assert.All(head.Tables, static t => Assert.Equal(0, t.RowCount));
        return error;
    }
}
