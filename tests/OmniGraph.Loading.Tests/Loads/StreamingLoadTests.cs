using System.Text;
using OmniGraph.Abstractions;
using OmniGraph.Loading.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Loading.Tests.Loads;

/// <summary>A load streamed in small chunks, with many small fragments, gives exactly the result of one big chunk.</summary>
public sealed class StreamingLoadTests
{
    internal const string Schema = """
        node Person {
            name: String @key
            age: I32?
            bio: String?
        }
        edge Knows: Person -> Person {
            weight: F64?
        }
        """;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(64, 4)]
    [InlineData(4 * 1024 * 1024, 4)]
    public async Task SmallChunksAndFragments_GiveTheSameGraph(int chunkBytes, int writesInFlight)
    {
        var data = Generate(persons: 300);
        await using var reference = await LoadingHost.InitAsync(new MemoryObjectStore(), Schema);
        await reference.Client.LoadJsonlAsync(data, GraphLoadMode.Overwrite, options: new GraphLoadOptions());

        await using var host = await LoadingHost.InitAsync(
            new MemoryObjectStore(),
            Schema,
            loading: o => o.MaxFragmentWritesInFlight = writesInFlight,
            intake: o => o.FragmentMaxRows = 17);
        var progress = new List<LoadProgress>();
        var output = await host.Client.LoadAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(data)),
            GraphLoadMode.Overwrite,
            options: new GraphLoadOptions { ChunkBytes = chunkBytes, Progress = new SyncProgress(progress) });

        Assert.Equal(300 + 900, output.TotalEntities);
        Assert.Equal(await reference.ExportAsync(), await host.ExportAsync());
        var last = progress[^1];
        Assert.Equal(Encoding.UTF8.GetByteCount(data), last.BytesReceived);
        Assert.True(last.FragmentsStaged >= (300 / 17) + (900 / 17), $"{last.FragmentsStaged} fragments staged");
        Assert.True(progress.Select(static p => p.BytesReceived).SequenceEqual(progress.Select(static p => p.BytesReceived).Order()), "progress only grows");
    }

    /// <summary>A file whose lines split into many fragments and whose last line has no line break.</summary>
    [Fact]
    public async Task LastLineWithoutLineBreak_IsRead()
    {
        await using var host = await LoadingHost.InitAsync(Schema);

        var output = await host.Client.LoadJsonlAsync(
            """{"type":"Person","data":{"name":"A"}}""" + "\r\n" + """{"type":"Person","data":{"name":"B"}}""",
            GraphLoadMode.Append,
            options: new GraphLoadOptions { ChunkBytes = 5 });

        Assert.Equal(2, output.TotalEntities);
        Assert.Equal(["A", "B"], await host.ColumnAsync("node:Person", "id"));
    }

    /// <summary>An error after many fragments were already written publishes nothing.</summary>
    [Fact]
    public async Task ErrorAfterStagedFragments_PublishesNothing()
    {
        var data = Generate(persons: 200) + """{"type":"Person","data":{"name":"bad","age":"old"}}""" + "\n";
        await using var host = await LoadingHost.InitAsync(new MemoryObjectStore(), Schema, intake: o => o.FragmentMaxRows = 10);

        await ErrorAssert.ThrowsAsync<OmniGraph.Ingest.IngestException>(ErrorCodes.InvalidData, () =>
            host.Client.LoadJsonlAsync(data, GraphLoadMode.Overwrite, options: new GraphLoadOptions { ChunkBytes = 512 }));

        var head = await host.HeadAsync();
        Assert.Equal(1, head.ManifestVersion);
        Assert.All(head.Tables, static t => Assert.Equal(0, t.RowCount));
        Assert.Empty(await host.SidecarsAsync());
        var manifests = await host.Store.ListAsync("manifests/");
        Assert.Single(manifests.Objects);
    }

    /// <summary>
    /// Persons <c>p0…</c> and three <c>Knows</c> edges each, with ids <c>k0…</c> (or, given <paramref name="edgeIdDigits"/>,
    /// zero-padded to that width, so the ids ascend in file order as an intake's minted ids do).
    /// </summary>
    internal static string Generate(int persons, int edgeIdDigits = 0)
    {
        var text = new StringBuilder();
        for (var i = 0; i < persons; i++)
        {
            text.Append("{\"type\":\"Person\",\"data\":{\"name\":\"p").Append(i).Append("\",\"age\":").Append(i % 90)
                .Append(",\"bio\":\"caf\u00e9 \u2603 ").Append(i).Append("\"}}\n");
        }

        for (var i = 0; i < persons * 3; i++)
        {
            text.Append("{\"edge\":\"Knows\",\"from\":\"p").Append(i % persons).Append("\",\"to\":\"p").Append((i * 7) % persons)
                .Append("\",\"data\":{\"id\":\"k").Append(i.ToString(new string('0', Math.Max(edgeIdDigits, 1)), System.Globalization.CultureInfo.InvariantCulture)).Append("\",\"weight\":").Append(i / 8.0).Append("}}\n");
        }

        return text.ToString();
    }

    /// <summary>Records progress synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    internal sealed class SyncProgress(List<LoadProgress> seen) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => seen.Add(value);
    }
}
