using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Security;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph audit verify [URI] [--json]</c>: walks the graph's audit chain. Exit code 0 when it is intact; 1 naming
/// the first bad entry and what is wrong with it (modified, unreadable, removed, reordered, inserted, broken link).
/// </summary>
internal sealed class AuditVerifyCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["audit", "verify"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var store = CliOptions.Store();
        var json = CliOptions.Json();
        var command = new Command("verify", "Walk the audit chain; exit 1 naming the first bad entry") { uri, store, json };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var target = CliOptions.Target(parseResult, uri, store);
            var verification = await AuditVerifier.VerifyAsync(await AuditGraphStore.OpenAsync(target, cancellationToken), cancellationToken);
            var problem = verification.Problem;
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, new AuditVerifyOutput(
                    target.Uri,
                    verification.IsIntact,
                    verification.EntryCount,
                    verification.HeadSeq,
                    verification.HeadHash,
                    problem is null ? null : new AuditProblemOutput(problem.Seq, KindName(problem.Kind), problem.Key, problem.Detail)));
            }
            else if (problem is null)
            {
                await runtime.Console.Out.WriteLineAsync($"intact: {verification.EntryCount} entries, head {verification.HeadSeq} hash {verification.HeadHash}");
            }
            else
            {
                await runtime.Console.Out.WriteLineAsync($"broken at entry {problem.Seq} ({KindName(problem.Kind)}): {problem.Detail}");
                await runtime.Console.Out.WriteLineAsync($"  object {problem.Key}; entries 1 to {verification.EntryCount} are sound (head hash {verification.HeadHash})");
            }

            return problem is null ? CliExitCodes.Success : CliExitCodes.Error;
        });
        return command;
    }

    /// <summary>The kind's wire name (<c>broken_link</c>).</summary>
    internal static string KindName(AuditProblemKind kind) => kind switch
    {
        AuditProblemKind.Modified => "modified",
        AuditProblemKind.Unreadable => "unreadable",
        AuditProblemKind.Removed => "removed",
        AuditProblemKind.Reordered => "reordered",
        AuditProblemKind.Inserted => "inserted",
        _ => "broken_link",
    };
}
