using System.Diagnostics;

namespace OmniGraph.Cli.Bench.Server;

/// <summary>
/// One timed run of the server benchmark: <c>clients</c> concurrent clients, each sending its next request as soon as
/// the previous one answered (a closed loop), for a fixed duration. Counts completed operations, their latencies and
/// the unexpected answers (anything but the expected success: a benchmark of a server that fails is no benchmark).
/// </summary>
internal static class ClosedLoopRun
{
    /// <summary>What a run measured.</summary>
    /// <param name="Operations">Operations that answered as expected.</param>
    /// <param name="Errors">Unexpected answers.</param>
    /// <param name="FirstError">The first unexpected answer, for the log.</param>
    /// <param name="P50Ms">Median latency of the successful operations.</param>
    /// <param name="P99Ms">99th percentile latency.</param>
    /// <param name="OpsPerSecond">Successful operations per second of the run.</param>
    public sealed record Outcome(long Operations, long Errors, string? FirstError, double P50Ms, double P99Ms, double OpsPerSecond);

    /// <summary>Runs <paramref name="operation"/> (client index, iteration → null on success, else what went wrong) from <paramref name="clients"/> clients for <paramref name="duration"/>.</summary>
    public static async Task<Outcome> RunAsync(int clients, TimeSpan duration, Func<int, long, CancellationToken, Task<string?>> operation, CancellationToken cancellationToken)
    {
        var latencies = new List<double>[clients];
        var errors = new long[clients];
        string? firstError = null;
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = [];
            for (long iteration = 0; Stopwatch.GetTimestamp() < end; iteration++)
            {
                var began = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    failure = await operation(client, iteration, cancellationToken);
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    failure = exception.Message;
                }

                if (failure is null)
                {
                    mine.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                }
                else
                {
                    errors[client]++;
                    Interlocked.CompareExchange(ref firstError, failure, null);
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(tasks);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var all = latencies.SelectMany(static l => l).Order().ToArray();
        return new Outcome(all.Length, errors.Sum(), firstError, Percentile(all, 0.50), Percentile(all, 0.99), Math.Round(all.Length / seconds, 1));
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)], 3);
}
