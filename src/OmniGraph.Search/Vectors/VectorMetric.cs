namespace OmniGraph.Search;

/// <summary>How <c>nearest</c> measures the distance between two vectors (lower = nearer).</summary>
public enum VectorMetric
{
    /// <summary>Euclidean distance, the engine's default (the spec: "Distance is L2/Euclidean").</summary>
    L2 = 0,

    /// <summary>
    /// Cosine distance, 1 − cos(q, v), in [0, 2], for properties the schema marks as cosine. A stored zero vector has no
    /// direction: its cosine similarity is taken as 0 (distance 1); a zero query vector is refused.
    /// </summary>
    Cosine = 1,
}
