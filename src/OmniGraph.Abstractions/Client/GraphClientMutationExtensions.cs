namespace OmniGraph.Abstractions;

/// <summary>Mutations through an <see cref="IGraphClient"/>: <c>client.MutateAsync(...)</c>.</summary>
public static class GraphClientMutationExtensions
{
    /// <summary>Runs one mutation query as one atomic write (see <see cref="IMutationGrain.MutateAsync"/>).</summary>
    /// <example><code>
    /// var change = await client.MutateAsync(new MutationRequest(source, "set_age") { Parameters = """{"name":"Alice","age":31}""" });
    /// </code></example>
    public static Task<ChangeOutput> MutateAsync(this IGraphClient client, MutationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return client.Grains.GetGrain<IMutationGrain>(client.GraphId).MutateAsync(request, cancellationToken);
    }

    /// <summary>Runs query <paramref name="queryName"/> of <paramref name="querySource"/> with JSON <paramref name="parameters"/> on <paramref name="branch"/>.</summary>
    public static Task<ChangeOutput> MutateAsync(
        this IGraphClient client,
        string querySource,
        string? queryName = null,
        string? parameters = null,
        string branch = BranchNames.Main,
        string? expectedHeadCommit = null,
        string? actor = null,
        CancellationToken cancellationToken = default) =>
        client.MutateAsync(
            new MutationRequest(querySource, queryName)
            {
                Parameters = parameters,
                Branch = branch,
                ExpectedHeadCommit = expectedHeadCommit,
                Actor = actor,
            },
            cancellationToken);
}
