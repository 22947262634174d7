namespace OmniGraph.Query.Ir;

/// <summary>Whether a query reads (<c>match … return</c>) or writes (insert/update/delete statements).</summary>
public enum QueryKind : byte
{
    /// <summary>A read query: <see cref="ReadQuery"/>.</summary>
    Read,

    /// <summary>A mutation query: <see cref="MutationQuery"/>.</summary>
    Mutation,
}
