namespace OmniGraph.Grains.Writes;

/// <summary>
/// One attempt of a write, from its preparation to its submission: its transaction and commit id, the snapshot it was
/// prepared on and what it staged. A write that chains (group commit) waits in its branch's <see cref="ChainedWriteQueue"/>
/// until a batch prepares and submits it; <see cref="Prepared"/> and <see cref="Submitted"/> tell it how far it got.
/// </summary>
internal sealed class WriteAttempt(GraphWriteRequest request, TableWrite[] writes, CancellationToken cancellationToken)
{
    public GraphWriteRequest Request { get; } = request;

    /// <summary>The request's table writes, in table-key order.</summary>
    public TableWrite[] Writes { get; } = writes;

    /// <summary>The writer's token: honoured until the attempt is submitted.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The transaction its staged versions belong to (renewed when a batch prepares it again).</summary>
    public string Tx { get; private set; } = Ulid.NewUlid().ToString();

    public string CommitId { get; } = Ulid.NewUlid().ToString();

    /// <summary>The snapshot it was prepared on (for a chained write, the commit before it in its batch may be in flight).</summary>
    public GraphSnapshot? Snapshot { get; set; }

    /// <summary>What it staged, by table key.</summary>
    public SortedDictionary<string, StagedTableVersion>? Staged { get; set; }

    /// <summary>Completed once staged and checked (a chained write).</summary>
    public TaskCompletionSource Prepared { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed once the manifest grain accepted its commit (a chained write).</summary>
    public TaskCompletionSource Submitted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Forgets what it prepared, to be prepared again under a new transaction.</summary>
    public void Renew()
    {
        Tx = Ulid.NewUlid().ToString();
        Snapshot = null;
        Staged = null;
    }

    /// <summary>Ends the attempt with <paramref name="error"/> at whichever stage it waits.</summary>
    public void Fail(Exception error)
    {
        if (!Prepared.TrySetException(error))
        {
            Submitted.TrySetException(error);
        }
    }
}
