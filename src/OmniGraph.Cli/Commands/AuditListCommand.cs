using System.CommandLine;
using System.Globalization;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Security;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph audit list [URI] [--json]</c>: the graph's audit entries, oldest first. An unreadable entry stops the
/// listing with <c>audit_entry_corrupt</c> (run <c>audit verify</c> for the whole picture).
/// </summary>
internal sealed class AuditListCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["audit", "list"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var store = CliOptions.Store();
        var json = CliOptions.Json();
        var command = new Command("list", "List the audit entries, oldest first") { uri, store, json };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var target = CliOptions.Target(parseResult, uri, store);
            var log = new AuditLog(await AuditGraphStore.OpenAsync(target, cancellationToken));
            if (parseResult.GetValue(json))
            {
                var entries = new List<AuditEntryOutput>();
                await foreach (var entry in log.ReadAllAsync(cancellationToken))
                {
                    entries.Add(new AuditEntryOutput(
                        entry.Seq, entry.TimeText, entry.Actor, entry.Action, entry.Graph, entry.Branch, entry.Commit, entry.DecisionText, entry.Rule, entry.PreviousHash, entry.Hash)
                    {
                        Format = entry.Format,
                        SourceBranch = entry.SourceBranch,
                        DiffDigest = entry.DiffDigest,
                    });
                }

                await CliJson.WriteAsync(runtime.Console.Out, new AuditListOutput(entries));
            }
            else
            {
                var rows = new List<string[]>();
                await foreach (var entry in log.ReadAllAsync(cancellationToken))
                {
                    rows.Add([
                        entry.Seq.ToString(CultureInfo.InvariantCulture), entry.TimeText, entry.Actor ?? "-", entry.Action, entry.Branch ?? "-",
                        entry.Commit ?? "-", entry.DecisionText, entry.Rule ?? "-",
                    ]);
                }

                if (rows.Count == 0)
                {
                    await runtime.Console.Out.WriteLineAsync("no audit entries");
                }
                else
                {
                    await TextTable.WriteAsync(runtime.Console.Out, ["SEQ", "TIME", "ACTOR", "ACTION", "BRANCH", "COMMIT", "DECISION", "RULE"], rows);
                }
            }

            return CliExitCodes.Success;
        });
        return command;
    }
}
