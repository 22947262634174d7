using System.Text;
using OmniGraph.Abstractions;
using OmniGraph.Loading.Tests.Support;
using OmniGraph.Storage;

namespace OmniGraph.Loading.Tests.Loads;

/// <summary>
/// A cancelled load stops where it is and publishes nothing; and every stream is read in the same growing chunks, so an
/// input that reports no length (a character device such as <c>/dev/zero</c>, a pipe) is never read byte by byte.
/// </summary>
public sealed class CancelledLoadTests
{
    private const string Schema = """
        node Person {
            name: String @key
            age: I32?
            bio: String?
        }
        edge Knows: Person -> Person {
            weight: F64?
        }
        """;

    /// <summary>Cancelled after a few chunks, with fragments already staged: the load throws, the graph is as it was.</summary>
    [Fact]
    public async Task CancelledMidFile_PublishesNothing()
    {
        await using var host = await LoadingHost.InitAsync(new MemoryObjectStore(), Schema, intake: o => o.FragmentMaxRows = 10);
        await host.LoadLinesAsync(GraphLoadMode.Overwrite, """{"type":"Person","data":{"name":"kept"}}""");
        var before = await host.ExportAsync();
        using var cancellation = new CancellationTokenSource();
        var chunks = 0;
        var stagedWhenCancelled = 0;
        var options = new GraphLoadOptions
        {
            ChunkBytes = 4096,
            Progress = new Callback(progress =>
            {
                if (++chunks == 3)
                {
                    stagedWhenCancelled = progress.FragmentsStaged;
                    cancellation.Cancel();
                }
            }),
        };

        var data = Encoding.UTF8.GetBytes(StreamingLoadTests.Generate(persons: 2_000));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            host.Client.LoadAsync(new MemoryStream(data), GraphLoadMode.Overwrite, options: options, cancellationToken: cancellation.Token));

        Assert.Equal(3, chunks);
        Assert.True(stagedWhenCancelled > 0, "fragments were staged before the cancellation");
        Assert.Equal(2, (await host.HeadAsync()).ManifestVersion);
        Assert.Equal(before, await host.ExportAsync());
        Assert.Empty(await host.SidecarsAsync());
    }

    /// <summary>A token cancelled before the load starts: nothing is read or published.</summary>
    [Fact]
    public async Task CancelledBeforeItStarts_ReadsNothing()
    {
        await using var host = await LoadingHost.InitAsync(Schema);
        var stream = new CountingStream(declaredLength: null);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            host.Client.LoadAsync(stream, GraphLoadMode.Append, cancellationToken: new CancellationToken(canceled: true)));

        Assert.Equal(0, stream.Reads);
        Assert.Equal(1, (await host.HeadAsync()).ManifestVersion);
    }

    /// <summary>
    /// The <c>/dev/zero</c> pathology: a seekable stream that reports length 0 used to be read in 1-byte chunks (one grain
    /// call each). Every stream now gets the same chunks: 64 KiB first, doubling to <see cref="GraphLoadOptions.ChunkBytes"/>.
    /// </summary>
    [Theory]
    [InlineData(0L)]
    [InlineData(null)]
    [InlineData(1L)]
    public async Task EveryStream_IsReadInTheSameGrowingChunks(long? declaredLength)
    {
        await using var host = await LoadingHost.InitAsync(Schema);
        var data = Encoding.UTF8.GetBytes(StreamingLoadTests.Generate(persons: 4_000));
        var progress = new List<LoadProgress>();

        await host.Client.LoadAsync(
            new CountingStream(declaredLength, data),
            GraphLoadMode.Overwrite,
            options: new GraphLoadOptions { ChunkBytes = 256 * 1024, Progress = new Callback(progress.Add) });

        // 64 KiB, 128 KiB, then 256 KiB chunks.
        long expected = 0;
        var size = GraphClientLoadingExtensions.FirstChunkBytes;
        var sizes = new List<long>();
        while (expected < data.Length)
        {
            var chunk = Math.Min(size, data.Length - expected);
            sizes.Add(chunk);
            expected += chunk;
            size = Math.Min(size * 2, 256 * 1024);
        }

        Assert.Equal(sizes.Count, progress.Count);
        Assert.Equal(data.Length, progress[^1].BytesReceived);
        Assert.Equal(sizes[0], progress[0].BytesReceived);
    }

    private sealed class Callback(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => report(value);
    }

    /// <summary>A stream over bytes that claims to be seekable with any length (a character device claims 0), and counts reads.</summary>
    private sealed class CountingStream(long? declaredLength, byte[]? data = null) : Stream
    {
        private readonly byte[] _data = data ?? [];
        private int _position;

        public int Reads { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => declaredLength is not null;

        public override bool CanWrite => false;

        public override long Length => declaredLength ?? throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            var read = Math.Min(count, _data.Length - _position);
            Array.Copy(_data, _position, buffer, offset, read);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
