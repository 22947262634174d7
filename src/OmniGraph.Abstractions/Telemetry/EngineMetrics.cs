using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OmniGraph.Abstractions;

/// <summary>
/// The engine's metrics (docs/telemetry.md), on the meter <see cref="MeterName"/> beside its spans
/// (<see cref="EngineTelemetry"/>): commits and their latency, from the first staging call to the durable
/// acknowledgement, by graph, kind and outcome; query latency by graph and outcome. Without a listener (no OpenTelemetry
/// or <see cref="MeterListener"/>) recording costs a check of <see cref="Instrument.Enabled"/>.
/// </summary>
public static class EngineMetrics
{
    /// <summary>The meter's name (what a metrics pipeline subscribes to): the same as the activity source's.</summary>
    public const string MeterName = EngineTelemetry.SourceName;

    /// <summary>The tag naming the outcome: <see cref="Succeeded"/> or <see cref="Failed"/>.</summary>
    public const string OutcomeTag = "omnigraph.outcome";

    /// <summary>The tag naming the kind of commit: <c>write</c>, <c>merge</c> or <c>schema_apply</c>.</summary>
    public const string CommitKindTag = "omnigraph.commit.kind";

    /// <summary>The tag naming a failure's stable error code (OpenTelemetry's <c>error.type</c>), or its type name.</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>The outcome of an operation that did what it was asked.</summary>
    public const string Succeeded = "ok";

    /// <summary>The outcome of an operation that ended with an error.</summary>
    public const string Failed = "error";

    /// <summary>The commit kind of the typed write path (writes, loads, mutations).</summary>
    public const string WriteCommit = "write";

    /// <summary>The engine's meter.</summary>
    public static Meter Meter { get; } = new(MeterName, typeof(EngineMetrics).Assembly.GetName().Version?.ToString());

    /// <summary><c>omnigraph.commits</c>: commits that ended, successfully or not.</summary>
    public static Counter<long> Commits { get; } =
        Meter.CreateCounter<long>("omnigraph.commits", "{commit}", "Commits that ended, by graph, kind and outcome");

    /// <summary><c>omnigraph.commit.duration</c>: a commit from its first staging call to its durable acknowledgement.</summary>
    public static Histogram<double> CommitDuration { get; } =
        Meter.CreateHistogram("omnigraph.commit.duration", "s", "Commit latency, staging to durable acknowledgement", advice: LatencyAdvice());

    /// <summary><c>omnigraph.query.duration</c>: a read query from parse to its result.</summary>
    public static Histogram<double> QueryDuration { get; } =
        Meter.CreateHistogram("omnigraph.query.duration", "s", "Query latency, parse to result", advice: LatencyAdvice());

    /// <summary>Records a commit of <paramref name="kind"/> started at <paramref name="startedTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void RecordCommit(string graphId, string kind, long startedTimestamp, Exception? failure = null)
    {
        if (!Commits.Enabled && !CommitDuration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { EngineTelemetry.GraphTag, graphId },
            { CommitKindTag, kind },
        };
        AddOutcome(ref tags, failure);
        Commits.Add(1, tags);
        CommitDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, tags);
    }

    /// <summary>Records a query started at <paramref name="startedTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void RecordQuery(string graphId, long startedTimestamp, Exception? failure = null)
    {
        if (!QueryDuration.Enabled)
        {
            return;
        }

        var tags = new TagList { { EngineTelemetry.GraphTag, graphId } };
        AddOutcome(ref tags, failure);
        QueryDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, tags);
    }

    private static void AddOutcome(ref TagList tags, Exception? failure)
    {
        tags.Add(OutcomeTag, failure is null ? Succeeded : Failed);
        if (failure is not null)
        {
            tags.Add(ErrorTypeTag, failure is OmniGraphException typed ? typed.Code : failure.GetType().Name);
        }
    }

    /// <summary>Buckets from 100 µs to 10 s: a warm lookup is well under a millisecond, a large load's commit seconds.</summary>
    private static InstrumentAdvice<double> LatencyAdvice() => new()
    {
        HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };
}
