using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Security;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph policy validate FILE [--json]</c>: reads a policy bundle strictly (docs/security.md) and says what it
/// holds. A refused bundle is a <c>policy_*</c> error naming the line and column; exit code 1.
/// </summary>
internal sealed class PolicyValidateCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["policy", "validate"];

    public Command Build(CliRuntime runtime)
    {
        var file = PolicyFile.Argument();
        var json = CliOptions.Json();
        var command = new Command("validate", "Check a policy bundle and count its groups, actors and rules") { file, json };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            var bundle = await PolicyFile.ReadAsync(path, cancellationToken);
            var output = new PolicyValidateOutput(
                path,
                bundle.Version,
                bundle.Kind == PolicyBundleKind.Server ? "server" : "graph",
                bundle.Groups.Count,
                bundle.Actors.Count,
                bundle.Rules.Count,
                bundle.ProtectedBranches.Order(StringComparer.Ordinal).ToList());
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, output);
            }
            else
            {
                var branches = output.ProtectedBranches.Count == 0 ? "none" : string.Join(", ", output.ProtectedBranches);
                await runtime.Console.Out.WriteLineAsync(
                    $"{path}: valid {output.Kind} bundle (version {output.Version}): {output.Groups} groups, {output.Actors} actors, {output.Rules} rules; protected branches: {branches}");
            }

            return CliExitCodes.Success;
        });
        return command;
    }
}
