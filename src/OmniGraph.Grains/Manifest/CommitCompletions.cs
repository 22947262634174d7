namespace OmniGraph.Grains.Manifest;

/// <summary>
/// The commit completions running in this silo (table heads and sidecar deletes of acknowledged writes, which run after
/// the acknowledgement: docs/design/storage-engine.md §5). A silo that stops gracefully waits for them before it
/// deactivates its grains, so a graph closed cleanly has no sidecar left (one cut short by a crash is healed at the next
/// open). A silo singleton.
/// </summary>
internal sealed class CommitCompletions : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];

    /// <summary>Waits for <paramref name="completion"/> when the silo stops (it never faults: failures leave the sidecar to heal).</summary>
    public void Track(Task completion)
    {
        if (completion.IsCompleted)
        {
            return;
        }

        lock (_gate)
        {
            _running.Add(completion);
        }

        _ = completion.ContinueWith(
            finished =>
            {
                lock (_gate)
                {
                    _running.Remove(finished);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);

        // Stopping runs the stages in reverse: Active stops before the grains are deactivated, while they can still call
        // one another.
        lifecycle.Subscribe(nameof(CommitCompletions), ServiceLifecycleStage.Active, static _ => Task.CompletedTask, WaitForRunningAsync);
    }

    private async Task WaitForRunningAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
