using Azure.Core;
using Azure.Core.Pipeline;

namespace OmniGraph.Storage.Azure;

/// <summary>
/// A per-retry pipeline policy that counts each attempt into the <see cref="RequestAttempts"/> of the operation that
/// sent it. It sits after the retry policy, so it sees every attempt, first and retried alike.
/// </summary>
internal sealed class AttemptCountingPolicy : HttpPipelineSynchronousPolicy
{
    public static AttemptCountingPolicy Shared { get; } = new();

    private AttemptCountingPolicy()
    {
    }

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        if (message.TryGetProperty(RequestAttempts.PropertyName, out var value) && value is RequestAttempts attempts)
        {
            attempts.Record(message.Request.ClientRequestId);
        }
    }
}
