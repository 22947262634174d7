using System.Globalization;
using System.Text.Json;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Testing.Processes;
using OmniGraph.TestWorker.Verbs;

namespace OmniGraph.TestWorker.Handshake;

/// <summary>
/// The test's side of a <c>graph-write</c> worker (<see cref="GraphWriteVerb"/>): starts the process, waits until it
/// stands paused at its failpoint, releases it, and reads its <see cref="GraphWriteReport"/>. Holding two workers paused
/// at once proves both are inside the same window of the commit protocol; the order of the releases then decides the
/// interleaving, so a race test asserts one exact outcome instead of accepting either.
/// </summary>
public sealed class GraphWriteWorker : IDisposable
{
    private readonly TestWorkerProcess _process;
    private readonly string? _signals;
    private readonly Failpoint[] _pauses;

    private GraphWriteWorker(TestWorkerProcess process, string name, string? signals, Failpoint[] pauses)
    {
        _process = process;
        Name = name;
        _signals = signals;
        _pauses = pauses;
    }

    /// <summary>The worker id (names its signal files).</summary>
    public string Name { get; }

    /// <summary>
    /// Starts worker <paramref name="name"/> making <paramref name="job"/> on the graph directory <paramref name="graph"/>,
    /// pausing before each step of <paramref name="pauses"/> in turn (signalling through files in <paramref name="signals"/>).
    /// </summary>
    public static GraphWriteWorker Start(string graph, string name, GraphWriteJob job, IReadOnlyList<Failpoint>? pauses = null, string? signals = null, int? maxAttempts = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        Failpoint[] steps = pauses is null ? [] : [.. pauses];
        if (steps.Length > 0 && signals is null)
        {
            throw new ArgumentException("a paused worker needs a signals directory", nameof(signals));
        }

        var options = new List<KeyValuePair<string, string>> { new("graph", graph), new("worker", name) };
        options.AddRange(job.ToOptions());
        if (steps.Length > 0)
        {
            Directory.CreateDirectory(signals!);
            options.Add(new("pause", string.Join(',', steps.Select(static s => s.Name))));
            options.Add(new("signals", signals!));
        }

        if (maxAttempts is { } attempts)
        {
            options.Add(new("max-attempts", attempts.ToString(CultureInfo.InvariantCulture)));
        }

        return new GraphWriteWorker(TestWorkerProcess.Start("graph-write", options), name, signals, steps);
    }

    /// <summary>Waits until the worker stands paused at <paramref name="step"/>; fails with its output if it ended without getting there.</summary>
    public async Task WaitPausedAsync(Failpoint step)
    {
        if (!await SignalFiles.WaitAsync(SignalFiles.Paused(SignalsFor(step), Name, step.Name), () => _process.HasExited))
        {
            var outcome = await _process.WaitAsync(SignalFiles.HangGuard);
            throw new InvalidOperationException($"worker {Name} ended (exit {outcome.ExitCode}) without pausing at {step}: {outcome.StandardOutput}{outcome.StandardError}");
        }
    }

    /// <summary>Lets the worker go on from <paramref name="step"/> (now, or when it gets there).</summary>
    public void Release(Failpoint step) => SignalFiles.Raise(SignalFiles.Release(SignalsFor(step), Name, step.Name));

    /// <summary>Waits for the worker's end and returns its report; fails with its output if it crashed.</summary>
    public async Task<GraphWriteReport> WaitAsync()
    {
        var outcome = await _process.WaitAsync(SignalFiles.HangGuard);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"worker {Name} exited {outcome.ExitCode}: {outcome.StandardError}");
        }

        return JsonSerializer.Deserialize<GraphWriteReport>(outcome.StandardOutput.Trim(), GraphWriteReport.JsonOptions)
            ?? throw new InvalidOperationException($"worker {Name} reported nothing");
    }

    /// <summary>Releases every step it pauses at, now or later, and waits for its report: the usual end of a race.</summary>
    public async Task<GraphWriteReport> FinishAsync()
    {
        foreach (var step in _pauses)
        {
            Release(step);
        }

        return await WaitAsync();
    }

    /// <summary>Kills the worker with SIGKILL where it stands (at a pause, a crash at that step) and waits until it is gone.</summary>
    public Task KillAsync() => _process.KillAsync();

    private string SignalsFor(Failpoint step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Array.IndexOf(_pauses, step) >= 0 ? _signals! : throw new InvalidOperationException($"worker {Name} does not pause at {step}");
    }

    /// <summary>Kills the worker if it still runs.</summary>
    public void Dispose() => _process.Dispose();
}
