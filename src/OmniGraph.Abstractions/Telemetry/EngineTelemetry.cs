using System.Diagnostics;

namespace OmniGraph.Abstractions;

/// <summary>
/// The engine's own trace spans (docs/server.md#telemetry), on the activity source <see cref="SourceName"/>: a read is
/// <c>query</c> with the phases <c>query.parse</c>, <c>query.plan</c> (snapshot, schema, type check, parameters, plan)
/// and <c>query.execute</c>; a commit is <c>commit</c> with <c>commit.prepare</c> (the base snapshot, every table staged,
/// the cross-table checks), <c>commit.publish</c> (the commit submitted to the branch's manifest) and
/// <c>commit.ack</c> (its durable outcome). Without a listener (no OpenTelemetry configured) starting a span costs a
/// null check.
/// </summary>
public static class EngineTelemetry
{
    /// <summary>The activity source's name (what a tracer subscribes to).</summary>
    public const string SourceName = "OmniGraph.Engine";

    /// <summary>The span tag naming the graph.</summary>
    public const string GraphTag = "omnigraph.graph";

    /// <summary>The span tag naming the branch.</summary>
    public const string BranchTag = "omnigraph.branch";

    /// <summary>The engine's activity source.</summary>
    public static ActivitySource Source { get; } = new(SourceName, typeof(EngineTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Starts a span of <paramref name="graphId"/> (null when nobody listens).</summary>
    public static Activity? Start(string name, string graphId, string? branch = null)
    {
        var activity = Source.StartActivity(name, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(GraphTag, graphId);
            if (branch is not null)
            {
                activity.SetTag(BranchTag, branch);
            }
        }

        return activity;
    }

    /// <summary>Marks <paramref name="activity"/> failed with <paramref name="exception"/>'s type and message.</summary>
    public static void Fail(Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity?.SetTag("error.type", exception is OmniGraphException typed ? typed.Code : exception.GetType().Name);
    }
}
