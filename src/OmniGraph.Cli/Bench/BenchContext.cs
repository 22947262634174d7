using System.Diagnostics;
using System.Text.Json.Nodes;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Bench;

/// <summary>What the benchmark steps share: the data set, the graph they run on, the repetitions and the result line.</summary>
internal sealed class BenchContext(string dataDirectory, BenchParameters parameters, int reps, IGraphClient graph, TextWriter log)
{
    /// <summary>The directory <c>gen.py</c> wrote.</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary><c>params.json</c>.</summary>
    public BenchParameters Parameters { get; } = parameters;

    /// <summary>Repetitions of whole-graph operations (<c>--reps</c>).</summary>
    public int Reps { get; } = reps;

    /// <summary>The graph (local disk, durable).</summary>
    public IGraphClient Graph { get; } = graph;

    /// <summary>The result line, keys in the order steps add them.</summary>
    public JsonObject Results { get; } = [];

    /// <summary>Progress notes (standard error).</summary>
    public TextWriter Log { get; } = log;

    /// <summary>A file of the data set.</summary>
    public string DataFile(string name) => Path.Combine(DataDirectory, name);

    /// <summary>The CPU time this process (the embedded silo, the client, the writers) has used so far, every thread.</summary>
    public static TimeSpan ProcessCpu()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The median of <paramref name="values"/> (the upper middle for an even count, as the peers compute it).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Milliseconds since <paramref name="start"/> (a <see cref="Stopwatch.GetTimestamp"/>), rounded to microseconds.</summary>
    public static double ElapsedMilliseconds(long start) => Math.Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 3);

    /// <summary>The process's peak resident set so far, in MB.</summary>
    public static double PeakResidentMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return Math.Round(process.PeakWorkingSet64 / 1e6, 1);
    }

    /// <summary>
    /// A progress note after a step: the process's peak and current resident set, the managed heap (no collection
    /// forced, so the note does not change what it measures) and the collections and pause time so far, to tell which
    /// step raised the whole run's peak and which one paid for full collections.
    /// </summary>
    public static string MemoryNote(string step)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return $"bench: after {step}: peak RSS {process.PeakWorkingSet64 / 1e6:F0} MB, RSS {process.WorkingSet64 / 1e6:F0} MB, "
            + $"managed heap {GC.GetTotalMemory(forceFullCollection: false) / 1e6:F0} MB, "
            + $"collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), "
            + $"GC pauses {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms";
    }
}
