namespace OmniGraph.Abstractions;

/// <summary>
/// One load in progress (key <c>{graph}/{transaction id}</c>, see <see cref="LoadSessionKeys"/>): receives the JSONL
/// input as a sequence of chunks, parses and validates it as it arrives, streams every full fragment to its table grain
/// while it parses on, and at completion commits everything as exactly one graph commit.
/// </summary>
/// <remarks>
/// <para>Call <see cref="BeginAsync"/> once, then <see cref="WriteAsync"/> for each chunk in order, then
/// <see cref="CompleteAsync"/> (or <see cref="AbortAsync"/>). Calls are serialized per session. The first invalid line
/// fails the call that fed it and every later call; nothing becomes visible unless <see cref="CompleteAsync"/>
/// publishes.</para>
/// <para>Use <c>client.LoadAsync(...)</c> (<see cref="GraphClientLoadingExtensions"/>) rather than calling the grain
/// directly: it mints the key, chunks the stream and aborts on failure or cancellation.</para>
/// </remarks>
public interface ILoadSessionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the load: checks the branch exists (or creates it from <see cref="LoadRequest.BaseBranch"/>) and pins the
    /// schema the input is validated against.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>branch_not_found</c>: The branch does not exist (and no base was given, or the base does not exist).</exception>
    /// <exception cref="OmniGraphException">Code <c>invalid_branch_name</c> / <c>branch_name_collision</c>: The branch to create cannot be created.</exception>
    /// <exception cref="OmniGraphException">Code <c>invalid_request</c>: The session was already started.</exception>
    Task BeginAsync(LoadRequest request, CancellationToken cancellationToken = default);

    /// <summary>Feeds the next chunk; returns once it is parsed (fragment writes may still be in flight, bounded).</summary>
    /// <exception cref="OmniGraphException">The input is invalid (the intake's typed errors: <c>invalid_data</c>, <c>unknown_type</c>, ...), or a fragment write failed.</exception>
    Task<LoadProgress> WriteAsync(LoadChunk chunk, CancellationToken cancellationToken = default);

    /// <summary>Ends the input, waits for every fragment write and commits the load as one graph commit.</summary>
    /// <exception cref="OmniGraphException">The last line is invalid, or the commit is refused (<c>key_conflict</c>, <c>unique_violation</c>, <c>orphan_edge</c>, <c>cardinality_violation</c>, <c>read_set_conflict</c>, ...).</exception>
    Task<LoadOutput> CompleteAsync(CancellationToken cancellationToken = default);

    /// <summary>Abandons the load: nothing is published, staged fragments become unreferenced garbage. Idempotent.</summary>
    Task AbortAsync();
}
