namespace OmniGraph.Abstractions;

/// <summary>Keys of <see cref="ILoadSessionGrain"/>: <c>{graph}/{transaction id}</c>, the transaction id being a fresh ULID.</summary>
public static class LoadSessionKeys
{
    /// <summary>A new session key for graph <paramref name="graphId"/>.</summary>
    public static string NewKey(string graphId) => For(graphId, Ulid.NewUlid().ToString());

    /// <summary>The session key of transaction <paramref name="transactionId"/> in graph <paramref name="graphId"/>.</summary>
    public static string For(string graphId, string transactionId)
    {
        GraphGrainKeys.ValidateGraphId(graphId);
        if (!Ulid.TryParse(transactionId, out _))
        {
            throw new ArgumentException($"a load transaction id is a ULID, not '{transactionId}'", nameof(transactionId));
        }

        return $"{graphId}/{transactionId}";
    }

    /// <summary>Splits a session key into graph id and transaction id.</summary>
    public static bool TryParse(string key, out string graphId, out string transactionId)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        graphId = slash > 0 ? key[..slash] : string.Empty;
        transactionId = slash > 0 ? key[(slash + 1)..] : string.Empty;
        return slash > 0 && GraphGrainKeys.FindGraphIdViolation(graphId) is null && Ulid.TryParse(transactionId, out _);
    }
}
