using System.ClientModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.AI;

namespace OmniGraph.Search.Embeddings;

public sealed partial class TextEmbedder
{
    /// <summary>
    /// One batch: attempts under the per-request timeout, retried after a network error, a timeout, 408, 429 or 5xx with
    /// exponential backoff (±20% jitter, a Retry-After honoured up to the cap), until the retries or the deadline run out.
    /// Other failures (401, 400, a bug in a custom generator) are not retried.
    /// </summary>
    private async Task<GeneratedEmbeddings<Embedding<float>>> GenerateWithRetriesAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator,
        string[] batch,
        EmbeddingGenerationOptions request,
        long started,
        CancellationToken deadline,
        CancellationToken caller)
    {
        var attempts = _options.MaxRetries + 1;
        for (var attempt = 1; ; attempt++)
        {
            Failure failure;
            using (var perRequest = CancellationTokenSource.CreateLinkedTokenSource(deadline))
            {
                perRequest.CancelAfter(_options.RequestTimeout);
                try
                {
                    return await generator.GenerateAsync(batch, request, perRequest.Token).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OmniGraphException)
                {
                    caller.ThrowIfCancellationRequested();
                    if (deadline.IsCancellationRequested)
                    {
                        throw TimedOut(attempt, error.Message);
                    }

                    failure = Classify(error, perRequest.IsCancellationRequested);
                    if (!failure.Retriable)
                    {
                        throw Failed(attempt, failure.Reason, error);
                    }
                }
            }

            if (attempt == attempts)
            {
                throw Failed(attempt, failure.Reason, innerException: null);
            }

            var delay = Backoff(attempt, failure.RetryAfter);
            if (Stopwatch.GetElapsedTime(started) + delay >= _options.Deadline)
            {
                throw TimedOut(attempt, failure.Reason);
            }

            EmbeddingLog.Retrying(_logger, attempt, attempts, failure.Reason, (long)delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, deadline).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                caller.ThrowIfCancellationRequested();
                throw TimedOut(attempt, failure.Reason);
            }
        }
    }

    private Failure Classify(Exception error, bool requestTimedOut)
    {
        if (requestTimedOut)
        {
            return new Failure(true, string.Create(CultureInfo.InvariantCulture, $"no answer within {_options.RequestTimeout.TotalSeconds:0.###} s"), null);
        }

        return error switch
        {
            // Status 0: the request never got an answer (connection refused or reset).
            ClientResultException { Status: 0 } e => new Failure(true, e.Message, null),
            ClientResultException e => new Failure(IsRetriable(e.Status), $"HTTP {e.Status}: {e.Message}", RetryAfter(e)),
            HttpRequestException or IOException => new Failure(true, error.Message, null),
            _ => new Failure(false, $"{error.GetType().Name}: {error.Message}", null),
        };
    }

    private static bool IsRetriable(int status) =>
        status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500 and <= 599;

    private static TimeSpan? RetryAfter(ClientResultException error)
    {
        if (error.GetRawResponse()?.Headers.TryGetValue("Retry-After", out var value) == true &&
            double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return null;
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var exponential = _options.InitialBackoff * Math.Pow(2, attempt - 1) * (0.8 + (0.4 * Random.Shared.NextDouble()));
        var wanted = retryAfter is { } hint && hint > exponential ? hint : exponential;
        return wanted < _options.MaxBackoff ? wanted : _options.MaxBackoff;
    }

    private OmniGraphException Failed(int attempts, string reason, Exception? innerException)
    {
        EmbeddingLog.Failed(_logger, attempts, EmbeddingErrorCodes.ProviderError, reason);
        return new OmniGraphException(
            EmbeddingErrorCodes.ProviderError,
            string.Create(CultureInfo.InvariantCulture, $"The embedding provider failed ({Model}, {attempts} attempt(s)): {reason}"),
            innerException);
    }

    private OmniGraphException TimedOut(int attempts, string reason)
    {
        EmbeddingLog.Failed(_logger, attempts, EmbeddingErrorCodes.Timeout, reason);
        return new OmniGraphException(
            EmbeddingErrorCodes.Timeout,
            string.Create(CultureInfo.InvariantCulture, $"Embedding did not finish within the {_options.Deadline.TotalSeconds:0.###} s deadline ({attempts} attempt(s); last: {reason})."));
    }

    private readonly record struct Failure(bool Retriable, string Reason, TimeSpan? RetryAfter);
}
