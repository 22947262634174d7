using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Hosting;
using OmniGraph.TestWorker.Handshake;

namespace OmniGraph.TestWorker.Verbs;

/// <summary>
/// <c>graph-write</c>: opens the graph at <c>--graph</c> embedded in this process, exactly as the CLI does (its own silo,
/// loads and mutations), makes one write (<see cref="GraphWriteJob"/>) and reports it (<see cref="GraphWriteReport"/>).
/// With <c>--pause</c> (failpoint names from <see cref="Failpoints"/>, comma-separated, in the order the write meets
/// them) the write stops before each step the first time it gets there: the worker creates
/// <see cref="SignalFiles.Paused"/> in <c>--signals</c> and waits for <see cref="SignalFiles.Release"/>. So a test can
/// hold several processes at a known step of the commit protocol at once, move them to the next step together, and
/// decide who goes on first. <c>--max-attempts</c> sets the engine's preparations per write.
/// </summary>
public sealed class GraphWriteVerb : IWorkerVerb
{
    /// <inheritdoc />
    public string Name => "graph-write";

    /// <inheritdoc />
    public string Description => "make one write to a graph, optionally pausing at a failpoint until released";

    /// <inheritdoc />
    public async Task<int> RunAsync(WorkerArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        var graphPath = arguments.GetString("graph");
        var worker = arguments.GetString("worker");
        var job = GraphWriteJob.Parse(arguments);
        var pauses = arguments.GetOptionalString("pause") is { } names
            ? names.Split(',').Select(static name => Failpoints.All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal)) ?? throw new WorkerUsageException($"no failpoint is named '{name}'")).ToArray()
            : [];
        var signals = pauses.Length == 0 ? null : arguments.GetString("signals");
        var maxAttempts = arguments.GetOptionalString("max-attempts") is null ? (int?)null : arguments.GetInt32("max-attempts", minimum: 1);

        await using var graph = await OmniGraphEmbedded.OpenAsync(graphPath, options =>
        {
            options.ConfigureSilo = static silo =>
            {
                silo.AddOmniGraphLoading();
                silo.AddOmniGraphMutations();
            };
            if (maxAttempts is { } attempts)
            {
                options.ConfigureEngine = engine => engine.MaxWriteAttempts = attempts;
            }
        }, cancellationToken).ConfigureAwait(false);

        var registry = graph.Services.GetRequiredService<FailpointRegistry>();
        var handles = pauses.Select(step => registry.Arm(step, FailpointAction.PauseBefore)).ToArray();
        var write = job.RunAsync(graph.Client, worker, cancellationToken);
        var paused = 0;
        foreach (var handle in handles)
        {
            if (!await ReachedAsync(handle, write).ConfigureAwait(false))
            {
                // The write ended (or failed) before reaching this step.
                break;
            }

            paused++;
            SignalFiles.Raise(SignalFiles.Paused(signals!, worker, handle.Failpoint.Name));
            await SignalFiles.WaitAsync(SignalFiles.Release(signals!, worker, handle.Failpoint.Name), cancellationToken: cancellationToken).ConfigureAwait(false);
            handle.Release();
        }

        GraphWriteReport report;
        try
        {
            report = (await write.ConfigureAwait(false)) with { Pauses = paused };
        }
        catch (OmniGraphException error)
        {
            report = GraphWriteReport.Failed(worker, paused, error);
        }

        await output.WriteLineAsync(report.ToString()).ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// Whether the write reached the step. A step after the acknowledgement runs in the background once the write has
    /// returned, so only a failed write means it will never come.
    /// </summary>
    private static async Task<bool> ReachedAsync(FailpointHandle handle, Task<GraphWriteReport> write)
    {
        if (await Task.WhenAny(handle.Fired, write).ConfigureAwait(false) == handle.Fired)
        {
            return true;
        }

        if (!handle.Failpoint.AfterAcknowledgement || !write.IsCompletedSuccessfully || !write.Result.Committed)
        {
            return false;
        }

        await handle.Fired.ConfigureAwait(false);
        return true;
    }
}
