using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph changes baseline [URI] [--branch B] [--kind K]… [--type T]… [--op OP]… --out PATH [--json]</c>: writes
/// the entities of the branch head to PATH (the <c>export</c> records, then the terminal <c>{"baseline":…}</c> line),
/// makes the file durable, and only then prints the snapshot commit and the cursor that continues the feed after it.
/// </summary>
internal sealed class ChangesBaselineCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["changes", "baseline"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var graphUri = new Option<string?>("--uri") { Description = "The graph (instead of the positional URI)", HelpName = "URI" };
        var branch = CliOptions.Branch();
        var output = new Option<string>("--out") { Description = "The file to write (replaced when it exists)", Required = true, HelpName = "PATH" };
        var scope = new GraphScopeOptions();
        var filter = new ChangeFilterOptions();
        var json = CliOptions.Json();
        var command = new Command("baseline", "Write a branch head's entities and the feed cursor that continues after them") { uri, graphUri, branch, output, json };
        scope.AddTo(command);
        filter.AddTo(command);
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var request = new ChangeBaselineRequest(parseResult.GetValue(branch)!, filter.Resolve(parseResult));
            var path = System.IO.Path.GetFullPath(parseResult.GetValue(output)!);
            await using var graph = await scope.OpenAsync(parseResult, cancellationToken, ("URI", parseResult.GetValue(uri)), ("--uri", parseResult.GetValue(graphUri)));

            // Written beside the destination and renamed over it once durable: PATH never holds a partial baseline.
            var temporary = path + ".og-partial";
            ChangeBaselineRecord record;
            try
            {
                await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
                {
                    record = await graph.Service.WriteBaselineAsync(file, request, cancellationToken);
                    file.Flush(flushToDisk: true);
                }

                File.Move(temporary, path, overwrite: true);
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }

            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, record);
            }
            else
            {
                await runtime.Console.Out.WriteLineAsync($"snapshot_commit_id: {record.Baseline.SnapshotCommitId}");
                await runtime.Console.Out.WriteLineAsync($"resume_cursor: {record.Baseline.ResumeCursor}");
            }

            return CliExitCodes.Success;
        });
        return command;
    }
}
