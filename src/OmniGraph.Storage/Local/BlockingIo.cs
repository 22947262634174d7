namespace OmniGraph.Storage.Local;

/// <summary>
/// Dedicated threads for the local store's blocking file operations (those that flush: a put, a delete, a prepared put, a
/// publish, a flush). A flush holds its thread for a disk round trip; on the .NET thread pool, which has about as many
/// threads as cores, a few of them stall every other piece of work of the process (grains included) and flushes meant to
/// overlap run one after another, while the pool slowly adds threads. These threads do nothing but wait on the disk, so
/// flushes started together really are in flight together (a group of commits flushes a few objects per commit in one
/// round) and the caller's thread is free meanwhile.
/// </summary>
/// <remarks>
/// An idle thread sleeps in <see cref="Monitor.Wait(object)"/>, which blocks at once: a queue whose waits spin first (a
/// <c>BlockingCollection</c>, a <c>SemaphoreSlim</c>) burnt whole cores here, measured, with sixteen idle threads on two
/// cores.
/// </remarks>
internal sealed class BlockingIo : TaskScheduler
{
    /// <summary>Threads: flushes in flight at once (more gain nothing on one disk).</summary>
    public const int Threads = 64;

    private static readonly Lazy<BlockingIo> s_shared = new(static () => new BlockingIo());

    // A monitor, not a System.Threading.Lock: idle threads wait on it (Monitor.Wait), which a Lock cannot do.
    private readonly object _gate = new();
    private readonly Queue<Task> _queue = new();
    private int _idle;

    private BlockingIo()
    {
        for (var i = 0; i < Threads; i++)
        {
            var thread = new Thread(Work, maxStackSize: 256 * 1024) { IsBackground = true, Name = $"omnigraph-io-{i}" };
            thread.Start();
        }
    }

    /// <summary>The process's threads (started on first use).</summary>
    public static BlockingIo Shared => s_shared.Value;

    /// <inheritdoc />
    public override int MaximumConcurrencyLevel => Threads;

    /// <summary>
    /// Runs <paramref name="operation"/> on one of the threads; its continuations after its first real wait (a contended
    /// key lock) run wherever its <c>ConfigureAwait(false)</c> puts them.
    /// </summary>
    public static Task<T> RunAsync<T>(Func<Task<T>> operation) =>
        Task.Factory.StartNew(operation, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Shared).Unwrap();

    /// <summary>Runs a blocking <paramref name="operation"/> on one of the threads.</summary>
    public static Task<T> Run<T>(Func<T> operation) =>
        Task.Factory.StartNew(operation, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Shared);

    /// <summary>Runs a blocking <paramref name="operation"/> on one of the threads.</summary>
    public static Task Run(Action operation) =>
        Task.Factory.StartNew(operation, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Shared);

    /// <inheritdoc />
    protected override void QueueTask(Task task)
    {
        lock (_gate)
        {
            _queue.Enqueue(task);
            if (_idle > 0)
            {
                Monitor.Pulse(_gate);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Never inline: the point is that the caller's thread does not wait on the disk.</remarks>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    /// <inheritdoc />
    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_gate)
        {
            return [.. _queue];
        }
    }

    private void Work()
    {
        while (true)
        {
            Task task;
            lock (_gate)
            {
                while (_queue.Count == 0)
                {
                    _idle++;
                    Monitor.Wait(_gate);
                    _idle--;
                }

                task = _queue.Dequeue();
            }

            TryExecuteTask(task);
        }
    }
}
