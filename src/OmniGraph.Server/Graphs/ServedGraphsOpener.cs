using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OmniGraph.Server.Graphs;

/// <summary>
/// Opens every configured graph once the silo runs and before the listener binds (a hosted service registered ahead of
/// the web server), so that the listen line means "ready". Opening heals a graph left mid-write by a previous process
/// (a server killed during a load reopens at the old or the new state). A graph that fails to open is quarantined.
/// </summary>
internal sealed class ServedGraphsOpener(ServedGraphs graphs, IGraphClientFactory clients, ILogger<ServedGraphsOpener> logger) : IHostedService
{
    /// <summary>Graphs opened at once.</summary>
    private const int OpenConcurrency = 4;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            graphs.Configured,
            new ParallelOptions { MaxDegreeOfParallelism = OpenConcurrency, CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                try
                {
                    await clients.GetClient(entry.Key).ListBranchesAsync(token).ConfigureAwait(false);
                    graphs.MarkOpen(entry.Key);
                    ServerLog.GraphOpened(logger, entry.Key, entry.Value);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    var error = OmniGraphErrors.Classify(exception);
                    ServerLog.GraphQuarantined(logger, entry.Key, entry.Value, error.Code, error.Message);
                }
            }).ConfigureAwait(false);
        ServerLog.GraphsServed(logger, graphs.All.Count, graphs.Configured.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
