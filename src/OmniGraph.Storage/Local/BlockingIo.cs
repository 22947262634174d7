using System.Collections.Concurrent;

namespace OmniGraph.Storage.Local;

/// <summary>
/// Dedicated threads for the local store's blocking file operations (those that flush: a put, a delete, a prepared put, a
/// publish, a flush). A flush holds its thread for a disk round trip; on the .NET thread pool, which has about as many
/// threads as cores, a few of them stall every other piece of work of the process (grains included) and flushes meant to
/// overlap run one after another, while the pool slowly adds threads. These threads do nothing but wait on the disk, so
/// flushes started together really are in flight together and the caller's thread is free meanwhile.
/// </summary>
internal sealed class BlockingIo : TaskScheduler
{
    /// <summary>Threads: more flushes than this in flight at once gain nothing on one disk.</summary>
    public const int Threads = 16;

    private readonly BlockingCollection<Task> _queue = [];

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

    private static readonly Lazy<BlockingIo> s_shared = new(static () => new BlockingIo());

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
    protected override void QueueTask(Task task) => _queue.Add(task);

    /// <inheritdoc />
    /// <remarks>Never inline: the point is that the caller's thread does not wait on the disk.</remarks>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    /// <inheritdoc />
    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }
}
