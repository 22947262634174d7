using System.Globalization;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Output;

/// <summary>The human output of the change commands: one row per change.</summary>
internal static class ChangeText
{
    /// <summary>Writes changes as a table (<c>KIND TYPE ID OP</c>).</summary>
    public static Task WriteChangesAsync(TextWriter output, IEnumerable<EntityChangeOutput> changes) =>
        TextTable.WriteAsync(output, ["KIND", "TYPE", "ID", "OP"], [.. changes.Select(static c => new[] { c.Kind, c.Type.Name, c.Id, c.Op })]);

    /// <summary>The header line of a commit's block.</summary>
    public static string Cause(ChangeCauseOutput cause) =>
        string.Create(CultureInfo.InvariantCulture, $"commit {cause.GraphCommitId} on {cause.AuthoredBranch} by {cause.ActorId ?? "-"} at {CommitText.Time(cause.AuthoredAt)}");
}
