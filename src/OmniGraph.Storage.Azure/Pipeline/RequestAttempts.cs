using Azure.Core.Pipeline;

namespace OmniGraph.Storage.Azure;

/// <summary>
/// How many HTTP attempts the Azure.Core retry policy made for the requests of one store operation. The store opens a
/// scope (<see cref="Track"/>) around its SDK calls; <see cref="AttemptCountingPolicy"/> counts every attempt sent inside
/// it, per request (an operation may send several: a write that first creates its container sends the upload twice).
/// </summary>
/// <remarks>
/// A conditional write whose first attempt failed transiently may still have been applied by the service (the answer
/// was lost, not the request). When its retry then fails the condition (409 or 412), the store cannot tell its own
/// earlier write from a rival's, so it reports the outcome as unknown instead of as a lost race: see
/// <see cref="WasRetried"/>.
/// </remarks>
internal sealed class RequestAttempts
{
    /// <summary>The <see cref="global::Azure.Core.HttpMessage"/> property the counting policy looks for.</summary>
    internal const string PropertyName = "OmniGraph.Storage.Azure.RequestAttempts";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _attemptsByRequest = new(StringComparer.Ordinal);
    private int _count;
    private bool _wasRetried;

    /// <summary>Attempts sent so far, of all requests.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Whether the pipeline retried a request: an earlier attempt failed transiently, and may or may not have been applied.</summary>
    public bool WasRetried
    {
        get
        {
            lock (_gate)
            {
                return _wasRetried;
            }
        }
    }

    /// <summary>Counts the attempts of SDK calls made until the returned scope is disposed (it flows with the async context).</summary>
    public IDisposable Track() => HttpPipeline.CreateHttpMessagePropertiesScope(new Dictionary<string, object?>(StringComparer.Ordinal) { [PropertyName] = this });

    /// <summary>Records one attempt of the request with <paramref name="clientRequestId"/> (the same for all its attempts).</summary>
    internal void Record(string clientRequestId)
    {
        lock (_gate)
        {
            _count++;
            var attempts = _attemptsByRequest[clientRequestId] = _attemptsByRequest.GetValueOrDefault(clientRequestId) + 1;
            _wasRetried |= attempts > 1;
        }
    }
}
