namespace OmniGraph.Abstractions;

/// <summary>
/// One mutation to run: the <c>.gq</c> source, which query of it, its parameters and where it writes.
/// </summary>
/// <param name="QuerySource">The <c>.gq</c> text (one or more query declarations).</param>
/// <param name="QueryName">The query to run, or <c>null</c> when the source declares exactly one.</param>
[GenerateSerializer]
[Immutable]
public sealed record MutationRequest(
    [property: Id(0)] string QuerySource,
    [property: Id(1)] string? QueryName = null)
{
    /// <summary>The parameter values as a JSON object keyed by parameter name without <c>$</c> (<c>null</c>: none).</summary>
    [Id(2)]
    public string? Parameters { get; init; }

    /// <summary>The branch to write; it must exist.</summary>
    [Id(3)]
    public string Branch { get; init; } = BranchNames.Main;

    /// <summary>
    /// Compare-and-swap: the commit the caller expects to be the branch's head (for example the
    /// <c>graph_commit_id</c> a read returned). Checked again at publish and never retried: a different head fails with
    /// <see cref="GraphPreconditionFailedException"/> and nothing is written. A no-op mutation checks it too.
    /// </summary>
    [Id(4)]
    public string? ExpectedHeadCommit { get; init; }

    /// <summary>Who makes the write (recorded on the commit as <c>actor_id</c>).</summary>
    [Id(5)]
    public string? Actor { get; init; }
}
