using System.Globalization;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Output;

/// <summary>The human form of a recovery examination and of a repair report.</summary>
internal static class RecoveryText
{
    /// <summary>Lists longer than this are cut in the human form (<c>--json</c> lists everything).</summary>
    private const int ListLimit = 20;

    public static async Task WriteExaminationAsync(TextWriter output, RecoveryExamination examination)
    {
        await output.WriteLineAsync(examination.IsHealthy ? "healthy: every branch can be read and written" : "needs attention:");
        foreach (var branch in examination.Branches)
        {
            var version = branch.HeadVersion?.ToString(CultureInfo.InvariantCulture) ?? "?";
            await output.WriteLineAsync($"branch {branch.Branch} at version {version}: {Condition(branch.Condition)}");
            foreach (var finding in branch.Findings)
            {
                await output.WriteLineAsync($"  {Name(finding.Kind)} {finding.Key}: {finding.Detail}");
            }
        }

        await WriteListAsync(output, "recovery records", [.. examination.Sidecars.Select(static s => $"{s.Key} ({Name(s.State)}{(s.Reason is null ? string.Empty : $": {s.Reason}")})")]);
        await WriteListAsync(output, "temporary files left by crashed writes", [.. examination.TemporaryFiles.Select(static f =>
            string.Create(CultureInfo.InvariantCulture, $"{f.Path} ({f.Length} bytes, {CommitText.Time(f.CreatedAt)})"))]);
        await WriteListAsync(output, "table objects no version names (writes that never published, or one in progress)", examination.UnreferencedObjects);
    }

    public static async Task WriteRepairAsync(TextWriter output, RepairReport report)
    {
        if (report.Steps.IsEmpty)
        {
            await output.WriteLineAsync("nothing to repair");
        }
        else
        {
            await output.WriteLineAsync(report.Applied ? "repair:" : "repair plan (nothing changed; pass --confirm to carry it out):");
            foreach (var step in report.Steps)
            {
                await output.WriteLineAsync($"  {Name(step.Kind)} on {(step.Branch == "*" ? "the graph" : $"branch {step.Branch}")}: {step.Detail}");
            }
        }

        await output.WriteLineAsync();
        await WriteExaminationAsync(output, report.After);
    }

    private static async Task WriteListAsync(TextWriter output, string title, IReadOnlyList<string> items)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{title}: {(items.Count == 0 ? "none" : items.Count.ToString(CultureInfo.InvariantCulture))}"));
        foreach (var item in items.Take(ListLimit))
        {
            await output.WriteLineAsync($"  {item}");
        }

        if (items.Count > ListLimit)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ... and {items.Count - ListLimit} more (--json lists all)"));
        }
    }

    private static string Condition(BranchCondition condition) => condition switch
    {
        BranchCondition.Healthy => "healthy",
        BranchCondition.WritesBlocked => "readable, writes refused",
        _ => "cannot be served, writes refused",
    };

    private static string Name<T>(T value)
        where T : struct, Enum => Infrastructure.CliJson.NameOf(value);
}
