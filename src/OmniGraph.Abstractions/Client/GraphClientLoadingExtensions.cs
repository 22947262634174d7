using System.Text;

namespace OmniGraph.Abstractions;

/// <summary>
/// Loads (JSONL into a branch, one commit per load) and exports (a branch as load-compatible JSONL) on an
/// <see cref="IGraphClient"/>, as grain calls to <see cref="ILoadSessionGrain"/> and <see cref="IGraphExportGrain"/>.
/// The silo must have the loading feature (<c>silo.AddOmniGraphLoading()</c>).
/// </summary>
public static partial class GraphClientLoadingExtensions
{
    /// <summary>The size of a load's first chunk (later chunks double up to <see cref="GraphLoadOptions.ChunkBytes"/>).</summary>
    public const int FirstChunkBytes = 64 * 1024;

    /// <summary>
    /// Loads JSONL from <paramref name="data"/> into <paramref name="branch"/> as one commit. The stream is read to its
    /// end in chunks (<see cref="GraphLoadOptions.ChunkBytes"/>); the next chunk is read while the session parses the
    /// current one. On any failure or cancellation the session is aborted and nothing is published.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>branch_not_found</c>: The branch does not exist.</exception>
    /// <exception cref="OmniGraphException">The input or the write is invalid (see <see cref="ILoadSessionGrain"/>).</exception>
    public static async Task<LoadOutput> LoadAsync(
        this IGraphClient client,
        Stream data,
        GraphLoadMode mode,
        string branch = BranchNames.Main,
        GraphLoadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(branch);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown load mode");
        }

        options ??= new GraphLoadOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkBytes, 1, nameof(options));
        cancellationToken.ThrowIfCancellationRequested();

        var session = client.Grains.GetGrain<ILoadSessionGrain>(LoadSessionKeys.NewKey(client.GraphId));
        await session.BeginAsync(new LoadRequest(branch, mode) { Actor = options.Actor, BaseBranch = options.BaseBranch, EmbedProperties = [.. options.EmbedProperties] }, cancellationToken).ConfigureAwait(false);
        try
        {
            await SendChunksAsync(session, data, options, cancellationToken).ConfigureAwait(false);
            return await session.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await AbortQuietlyAsync(session).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Loads the JSONL file at <paramref name="path"/> (see <see cref="LoadAsync(IGraphClient, Stream, GraphLoadMode, string, GraphLoadOptions?, CancellationToken)"/>).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async Task<LoadOutput> LoadFileAsync(
        this IGraphClient client,
        string path,
        GraphLoadMode mode,
        string branch = BranchNames.Main,
        GraphLoadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await client.LoadAsync(stream, mode, branch, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Loads JSONL given as text (test fixtures, small programmatic loads).</summary>
    public static Task<LoadOutput> LoadJsonlAsync(
        this IGraphClient client,
        string jsonl,
        GraphLoadMode mode,
        string branch = BranchNames.Main,
        GraphLoadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jsonl);
        return client.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(jsonl), writable: false), mode, branch, options, cancellationToken);
    }

    /// <summary>
    /// Streams the input to the session. Two buffers alternate: the next chunk is read (asynchronously) before the
    /// current one is handed over, so reading and parsing overlap. A buffer is reused only after the call that carried it
    /// has returned (the session does not keep chunk bytes past the call).
    /// </summary>
    /// <remarks>
    /// Every stream is chunked the same way, whatever it reads (a regular file, a pipe, a character device such as
    /// <c>/dev/zero</c>, memory): the first chunk is at most <see cref="FirstChunkBytes"/> and each next one twice the
    /// last, up to <see cref="GraphLoadOptions.ChunkBytes"/>. A 32-line load therefore does not allocate two 4 MiB
    /// arrays, and nothing trusts a length the stream reports: a device that reports 0 (or a file that grows while it is
    /// read) is read in full-sized chunks like any other input, never byte by byte.
    /// </remarks>
    private static async Task SendChunksAsync(ILoadSessionGrain session, Stream data, GraphLoadOptions options, CancellationToken cancellationToken)
    {
        var size = Math.Min(FirstChunkBytes, options.ChunkBytes);
        var buffers = new byte[]?[] { new byte[size], null };
        var current = 0;
        var length = await FillAsync(data, buffers[current]!, cancellationToken).ConfigureAwait(false);
        while (length > 0)
        {
            var next = 1 - current;
            size = length < buffers[current]!.Length ? 0 : (int)Math.Min(2L * size, options.ChunkBytes);
            if (size > 0 && (buffers[next] is null || buffers[next]!.Length < size))
            {
                buffers[next] = new byte[size];
            }

            var reading = size == 0 ? Task.FromResult(0) : FillAsync(data, buffers[next]!, cancellationToken);
            LoadProgress progress;
            try
            {
                progress = await session.WriteAsync(new LoadChunk(buffers[current].AsMemory(0, length)), cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Observe the read in flight so its failure (if any) does not go unobserved.
                try
                {
                    await reading.ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
                {
                }

                throw;
            }

            options.Progress?.Report(progress);
            length = await reading.ConfigureAwait(false);
            current = next;
        }
    }

    /// <summary>
    /// Reads until <paramref name="buffer"/> is full or the stream ends. A cancellation ends the wait at once even when the
    /// read itself cannot be interrupted (a pipe with no data yet): the load is being abandoned, so its buffers and the
    /// read's outcome no longer matter.
    /// </summary>
    /// <remarks>
    /// The token is checked before every read, not only by the wait: a read that completes at once (a pipe that a writer
    /// keeps full) never reaches <see cref="Task.WaitAsync(CancellationToken)"/>'s check, and without this a cancelled
    /// load went on reading until its chunk (4 MiB) was full — as fast as the writer could write, seconds on a loaded
    /// machine, after the command had been told to stop.
    /// </remarks>
    private static async Task<int> FillAsync(Stream data, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = await data.ReadAsync(buffer.AsMemory(filled), cancellationToken).AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    private static async Task AbortQuietlyAsync(ILoadSessionGrain session)
    {
        try
        {
            await session.AbortAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Best effort: an abandoned session publishes nothing; its staged fragments are unreferenced garbage.
        }
    }
}
