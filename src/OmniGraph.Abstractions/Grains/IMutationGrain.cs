namespace OmniGraph.Abstractions;

/// <summary>
/// The stateless mutation surface of a graph (key: the graph id; one reentrant stateless worker per silo): compiles a <c>.gq</c>
/// mutation, runs its statements in order against one pinned snapshot plus its own pending changes (read-your-writes),
/// validates everything and publishes it as exactly one commit through the write coordinator, or none when nothing
/// changed.
/// </summary>
/// <remarks>
/// Use <c>client.MutateAsync(...)</c> (<see cref="GraphClientMutationExtensions"/>) rather than calling the grain directly.
/// </remarks>
public interface IMutationGrain : IGrainWithStringKey
{
    /// <summary>Runs one mutation query as one atomic write.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_mutation_request</c>: The request is malformed (no source, an empty branch name).</exception>
    /// <exception cref="OmniGraphException">
    /// A compile error (<c>query_parse_error</c>, <c>query_type_error</c>, <c>query_mixed_mutation</c>, ...), a parameter
    /// error, a value the schema refuses (<c>constraint_violation</c>, <c>key_update_rejected</c>, ...), a cross-row or
    /// cross-table violation (<c>unique_violation</c>, <c>orphan_edge</c>, <c>cardinality_violation</c>), a lost
    /// compare-and-swap (<see cref="GraphPreconditionFailedException"/>) or a concurrent commit
    /// (<see cref="ReadSetChangedException"/>, update and delete only). Nothing is written when any of these is raised.
    /// </exception>
    Task<ChangeOutput> MutateAsync(MutationRequest request, CancellationToken cancellationToken = default);
}
