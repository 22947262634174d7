namespace OmniGraph.Search;

/// <summary>One entity of a fused ranking: its RRF score and its 0-based rank in each arm (null when absent from it).</summary>
public sealed record FusedEntity<TEntity>(TEntity Entity, double Score, int? FirstArmRank, int? SecondArmRank);
