using System.Diagnostics;
using System.Globalization;
using OmniGraph.Ingest;

namespace OmniGraph.Benchmarks.Ingest;

/// <summary>
/// The quick runnable check of the intake target: the shared workload's M data set (about 1.1 M records, 92 MB)
/// parsed and validated into columnar fragments in at most 2 s, with peak managed memory under 4× the input.
/// <code>
/// python3 ../shared/bench/gen.py /tmp/og-bench-M --persons 100000
/// dotnet run -c Release --project tests/OmniGraph.Benchmarks -- ingest-check /tmp/og-bench-M [--reps 5] [--chunk-mib 4]
/// </code>
/// Without a directory it synthesizes an M-sized file in the same shapes. The file streams from disk in chunks and
/// fragments are dropped as they fill (as the storage engine writes them out). Prints each run, the best and the
/// median time, the peak managed heap seen between chunks, allocation, and the process's peak working set; one
/// more run keeps every fragment to report the size of the columnar output. Exit code 1 when a target is missed.
/// </summary>
public static class IngestWorkloadCheck
{
    private const double TargetSeconds = 2.0;
    private const double TargetMemoryFactor = 4.0;

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? directory = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                i++;
            }
            else
            {
                directory = args[i];
            }
        }

        var reps = IntOption(args, "--reps", 5);
        var chunkSize = IntOption(args, "--chunk-mib", 4) * 1024 * 1024;
        var workload = directory is null ? IngestWorkload.Synthesize(100_000) : IngestWorkload.FromDirectory(directory);
        var inputBytes = workload.InputBytes;
        Console.WriteLine($"intake check: {workload.Source}, {inputBytes / 1e6:F1} MB, {workload.ExpectedEntities:N0} entities, chunks of {chunkSize / (1024 * 1024)} MiB, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");

        var times = new List<double>();
        long peakHeap = 0;
        long allocated = 0;
        for (var rep = 0; rep < reps; rep++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
            var runPeak = heapBefore;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var result = workload.Run(chunkSize, static _ => { }, () => runPeak = Math.Max(runPeak, GC.GetTotalMemory(forceFullCollection: false)));
            stopwatch.Stop();
            var runAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            runPeak = Math.Max(runPeak, GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
            if (result.TotalEntities != workload.ExpectedEntities)
            {
                Console.WriteLine($"FAIL: {result.TotalEntities} entities read, {workload.ExpectedEntities} expected");
                return 1;
            }

            times.Add(stopwatch.Elapsed.TotalSeconds);
            peakHeap = Math.Max(peakHeap, runPeak);
            allocated = runAllocated;
            Console.WriteLine(
                $"  run {rep + 1}: {stopwatch.Elapsed.TotalMilliseconds,7:F0} ms  {inputBytes / 1e6 / stopwatch.Elapsed.TotalSeconds,6:F0} MB/s  " +
                $"{result.TotalEntities / stopwatch.Elapsed.TotalSeconds / 1e6,5:F2} M records/s  peak heap {runPeak / 1e6,6:F1} MB  allocated {runAllocated / 1e6,6:F0} MB");
        }

        var retained = MeasureRetainedOutput(workload, chunkSize);
        times.Sort();
        var best = times[0];
        var median = times[times.Count / 2];
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var memoryFactor = (double)peakHeap / inputBytes;
        Console.WriteLine($"best {best * 1000:F0} ms, median {median * 1000:F0} ms (target <= {TargetSeconds * 1000:F0} ms)");
        Console.WriteLine($"peak managed heap {peakHeap / 1e6:F1} MB = {memoryFactor:F2}x input (target < {TargetMemoryFactor}x); allocated per run {allocated / 1e6:F0} MB; process peak working set {process.PeakWorkingSet64 / 1e6:F0} MB");
        Console.WriteLine($"columnar output when every fragment is kept: {retained / 1e6:F1} MB ({(double)retained / inputBytes:F2}x input)");
        var pass = best <= TargetSeconds && memoryFactor < TargetMemoryFactor;
        Console.WriteLine(pass ? "PASS" : "FAIL");
        return pass ? 0 : 1;
    }

    private static long MeasureRetainedOutput(IngestWorkload workload, int chunkSize)
    {
        var kept = new List<IntakeFragment>();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        workload.Run(chunkSize, kept.Add);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(kept);
        return after - before;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
