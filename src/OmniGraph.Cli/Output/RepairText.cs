using System.Globalization;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Output;

/// <summary>The human form of an <c>omnigraph repair</c> report: one line per drifting object, grouped by table.</summary>
internal static class RepairText
{
    /// <summary>Objects listed per table in the human form (<c>--json</c> lists everything).</summary>
    private const int ListLimit = 20;

    public static async Task WriteAsync(TextWriter output, ObjectRepairReport report)
    {
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"checked {report.ObjectsChecked} objects: {report.Missing} missing, {report.Orphaned} orphaned, {report.Corrupt} corrupt"));
        foreach (var table in report.Tables)
        {
            await output.WriteLineAsync(table.Table is null ? $"{table.Directory}:" : $"{table.Directory} ({table.Table}):");
            foreach (var drift in table.Objects.Take(ListLimit))
            {
                await output.WriteLineAsync($"  {Line(drift)}");
            }

            if (table.Objects.Length > ListLimit)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ... and {table.Objects.Length - ListLimit} more (--json lists all)"));
            }
        }

        if (report.OrphansHeld is { } held)
        {
            await output.WriteLineAsync($"orphans kept: {held}");
        }

        foreach (var step in report.DerivedRebuilt)
        {
            await output.WriteLineAsync($"{(report.Confirmed ? "rebuilt" : "would rebuild")} on branch {step.Branch}: {step.Detail}");
        }

        if (report.Confirmed)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"deleted {report.OrphansDeleted} orphaned objects ({report.BytesReclaimed} bytes)"));
        }
        else if (report.Tables.Any(static t => t.Objects.Any(static o => o.Fix == ObjectDriftFix.WouldDelete)) || !report.DerivedRebuilt.IsEmpty)
        {
            await output.WriteLineAsync("nothing was changed: run again with --confirm to carry out the fixes marked above");
        }
    }

    private static string Line(ObjectDrift drift)
    {
        var size = drift.Length is { } length ? string.Create(CultureInfo.InvariantCulture, $", {length} bytes") : string.Empty;
        var needs = drift.NeededBy.IsDefaultOrEmpty
            ? string.Empty
            : "; needed by " + string.Join(", ", drift.NeededBy.Select(static n => string.Create(
                CultureInfo.InvariantCulture,
                $"{n.Branch} versions {n.FromVersion}-{n.ToVersion}{(n.Head ? " (its head)" : string.Empty)}, {n.CommitIds.Length} commit(s)")));
        return $"{Name(drift.Kind)} {drift.ObjectKind} {drift.Key}{size}: {Name(drift.Fix)}: {drift.Detail}{needs}";
    }

    private static string Name<T>(T value)
        where T : struct, Enum => Infrastructure.CliJson.NameOf(value);
}
