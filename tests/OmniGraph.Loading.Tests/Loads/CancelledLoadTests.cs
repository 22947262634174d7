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
    /// A load of an endless input whose reads complete at once (a pipe a writer keeps full) stops reading as soon as it is
    /// cancelled: no read starts after the cancellation. It used to go on until its chunk was full (up to 4 MiB), paced
    /// by the writer — seconds on a loaded machine, after SIGTERM had asked the command to stop.
    /// </summary>
    [Fact]
    public async Task CancelledWhileReadingAFullPipe_ReadsNoFurther()
    {
        await using var host = await LoadingHost.InitAsync(Schema);
        using var cancellation = new CancellationTokenSource();

        // Cancelled from inside a read, half-way through the third chunk (64 + 128 KiB, then 256 KiB ones).
        var input = new EndlessPersons(cancelAfterBytes: (64 + 128 + 128) * 1024, cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            input.Load(host.Client, new GraphLoadOptions { ChunkBytes = 256 * 1024 }, cancellation.Token));

        Assert.True(input.Cancelled, "the input was cancelled while it was being read");
        Assert.Equal(0, input.ReadsAfterCancellation);
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

    /// <summary>
    /// Person lines without end, every read answered at once with at most one line; the read that takes the input past
    /// <c>cancelAfterBytes</c> cancels the load's token (as a signal arriving mid-read would), and reads after it are counted.
    /// </summary>
    private sealed class EndlessPersons(long cancelAfterBytes, CancellationTokenSource cancellation) : Stream
    {
        private byte[] _block = [];
        private int _offset;
        private long _lines;
        private long _read;

        public bool Cancelled { get; private set; }

        public int ReadsAfterCancellation { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public Task<LoadOutput> Load(IGraphClient client, GraphLoadOptions options, CancellationToken cancellationToken) =>
            client.LoadAsync(this, GraphLoadMode.Append, options: options, cancellationToken: cancellationToken);

        /// <summary>Answers at once without looking at the token, as a <see cref="FileStream"/> on a full pipe does (the base class would refuse a cancelled read).</summary>
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var bytes = new byte[buffer.Length];
            var read = Read(bytes, 0, bytes.Length);
            bytes.AsSpan(0, read).CopyTo(buffer.Span);
            return ValueTask.FromResult(read);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Cancelled)
            {
                ReadsAfterCancellation++;
            }

            if (_offset == _block.Length)
            {
                _block = Encoding.UTF8.GetBytes($"{{\"type\":\"Person\",\"data\":{{\"name\":\"endless{_lines++}\"}}}}\n");
                _offset = 0;
            }

            var read = Math.Min(Math.Min(count, 1_000), _block.Length - _offset);
            Array.Copy(_block, _offset, buffer, offset, read);
            _offset += read;
            _read += read;
            if (!Cancelled && _read >= cancelAfterBytes)
            {
                Cancelled = true;
                cancellation.Cancel();
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
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
