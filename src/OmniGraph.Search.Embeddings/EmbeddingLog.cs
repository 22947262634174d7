using Microsoft.Extensions.Logging;

namespace OmniGraph.Search.Embeddings;

/// <summary>The embedder's log events (source-generated).</summary>
internal static partial class EmbeddingLog
{
    [LoggerMessage(EventId = (int)LogEventId.EmbeddingRetrying, Level = LogLevel.Warning, Message = "Embedding request failed (attempt {Attempt} of {Attempts}): {Reason}; retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, int attempt, int attempts, string reason, long delayMs);

    [LoggerMessage(EventId = (int)LogEventId.EmbeddingFailed, Level = LogLevel.Error, Message = "Embedding failed after {Attempts} attempts: {Code}: {Reason}")]
    public static partial void Failed(ILogger logger, int attempts, string code, string reason);

    [LoggerMessage(EventId = (int)LogEventId.EmbeddingEmbedded, Level = LogLevel.Debug, Message = "Embedded {Count} texts into {Dimensions} dimensions with {Model} in {ElapsedMs} ms")]
    public static partial void Embedded(ILogger logger, int count, int dimensions, string model, long elapsedMs);
}
