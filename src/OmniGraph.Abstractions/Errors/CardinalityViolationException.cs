namespace OmniGraph.Engine;

/// <summary>
/// A source node touched by the write would have a number of outgoing edges outside the edge type's <c>@card</c>
/// bounds: <c>@card violation on edge WorksAt: source 'Alice' has 2 edges (max 1)</c>. Nothing was written.
/// Code <c>cardinality_violation</c> (HTTP 400).
/// </summary>
public sealed class CardinalityViolationException : OmniGraphException
{
    public CardinalityViolationException(string edgeType, string sourceId, long count, uint min, uint? max)
        : base(EngineErrorCodes.CardinalityViolation, $"@card violation on edge {edgeType}: source '{sourceId}' has {count} edges ({Bound(count, min, max)})")
    {
        EdgeType = edgeType;
        SourceId = sourceId;
        Count = count;
        Min = min;
        Max = max;
    }

    /// <summary>The edge type.</summary>
    public string EdgeType { get; }

    /// <summary>The source node.</summary>
    public string SourceId { get; }

    /// <summary>Its outgoing edges of that type after the write.</summary>
    public long Count { get; }

    /// <summary>The declared minimum.</summary>
    public uint Min { get; }

    /// <summary>The declared maximum, if any.</summary>
    public uint? Max { get; }

    private static string Bound(long count, uint min, uint? max) => count < min ? $"min {min}" : $"max {max}";
}
