using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace OmniGraph.Benchmarks.Arrow;

/// <summary>
/// Adds an "MB/s" column: the size of the Arrow file each operation reads or writes divided by the mean time.
/// The host rebuilds the (deterministic) file to know its size, since benchmarks run in a child process.
/// </summary>
internal sealed class ArrowThroughputColumn : IColumn
{
    private static readonly ConcurrentDictionary<int, long> s_fileBytes = new();

    public string Id => nameof(ArrowThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "File bytes processed per second (10^6 bytes), from the mean time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var report = summary[benchmarkCase];
        var meanNanoseconds = report?.ResultStatistics?.Mean;
        if (meanNanoseconds is null or <= 0)
        {
            return "-";
        }

        var rows = (int)benchmarkCase.Parameters[nameof(ArrowIpcBenchmarks.Rows)];
        var bytes = s_fileBytes.GetOrAdd(rows, r => ArrowBenchmarkData.Int64File(r).LongLength);
        return (bytes / (meanNanoseconds.Value / 1e9) / 1e6).ToString("N0", CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
