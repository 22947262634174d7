using System.Globalization;

namespace OmniGraph.Cli.Output;

/// <summary>Human forms of commit fields.</summary>
internal static class CommitText
{
    /// <summary>A commit time (microseconds since the Unix epoch) as RFC 3339 UTC with microseconds.</summary>
    public static string Time(long microseconds) =>
        DateTime.UnixEpoch.AddTicks(microseconds * 10).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture);
}
