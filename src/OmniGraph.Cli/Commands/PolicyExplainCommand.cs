using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Security;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph policy explain FILE --actor A --action X [--branch B] [--target-branch T] [--json]</c>: decides one
/// request with the bundle and shows why — the actor's groups, whether the branches are protected, and for every rule
/// whether it covers the actor, grants the action and whether its scope holds. Exit code 0 whatever the decision.
/// </summary>
internal sealed class PolicyExplainCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["policy", "explain"];

    public Command Build(CliRuntime runtime)
    {
        var file = PolicyFile.Argument();
        var actor = new Option<string>("--actor") { Description = "The actor", Required = true, HelpName = "A" };
        var action = new Option<string>("--action") { Description = "The action (read, export, change, schema_apply, branch_create, branch_delete, branch_merge, admin, invoke_query, graph_list)", Required = true, HelpName = "X" };
        var branch = new Option<string?>("--branch") { Description = "The branch read or written", HelpName = "B" };
        var target = new Option<string?>("--target-branch") { Description = "The branch targeted (branch operations, schema apply)", HelpName = "T" };
        var json = CliOptions.Json();
        var command = new Command("explain", "Decide one request with a bundle and show the matched rule and why") { file, actor, action, branch, target, json };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var request = new AccessRequest(
                parseResult.GetValue(actor)!,
                PolicyFile.ParseAction(parseResult.GetValue(action)!),
                Graph: null,
                parseResult.GetValue(branch),
                parseResult.GetValue(target));
            var evaluator = new PolicyEvaluator(await PolicyFile.ReadAsync(parseResult.GetValue(file)!, cancellationToken));
            var explanation = evaluator.Explain(request);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, ToOutput(request, explanation));
            }
            else
            {
                await WriteHumanAsync(runtime.Console.Out, request, explanation);
            }

            return CliExitCodes.Success;
        });
        return command;
    }

    private static PolicyExplainOutput ToOutput(AccessRequest request, PolicyExplanation explanation) => new(
        request.Actor!,
        request.Action.Name(),
        request.Branch,
        request.TargetBranch,
        PolicyFile.Word(explanation.Decision.Allowed),
        explanation.Decision.RuleId,
        explanation.Decision.PolicyId,
        explanation.Decision.Message,
        explanation.ActorGroups,
        explanation.BranchIsProtected,
        explanation.TargetBranchIsProtected,
        explanation.Rules.Select(static r => new PolicyRuleOutput(r.RuleId, r.Group, r.ActorInGroup, r.GrantsAction, r.Condition, r.ConditionHolds, r.Permits)).ToList());

    private static async Task WriteHumanAsync(TextWriter output, AccessRequest request, PolicyExplanation explanation)
    {
        var decision = explanation.Decision;
        await output.WriteLineAsync(decision.Allowed
            ? $"allow: rule {decision.RuleId} (policy id {decision.PolicyId})"
            : $"deny: {decision.Message}");
        var groups = explanation.ActorGroups.Count == 0 ? "no group (unknown to this policy)" : string.Join(", ", explanation.ActorGroups);
        await output.WriteLineAsync($"actor {request.Actor}: {groups}");
        if (request.Branch is not null)
        {
            await output.WriteLineAsync($"branch {request.Branch}: {(explanation.BranchIsProtected ? "protected" : "not protected")}");
        }

        if (request.TargetBranch is not null)
        {
            await output.WriteLineAsync($"target branch {request.TargetBranch}: {(explanation.TargetBranchIsProtected ? "protected" : "not protected")}");
        }

        if (explanation.Rules.Count == 0)
        {
            await output.WriteLineAsync("the bundle has no rules: everything is denied");
            return;
        }

        string[] header = ["RULE", "GROUP", "ACTOR IN GROUP", $"GRANTS {request.Action.Name().ToUpperInvariant()}", "CONDITION", "HOLDS", "PERMITS"];
        var rows = explanation.Rules.Select(static r => new[]
        {
            r.RuleId, r.Group, YesNo(r.ActorInGroup), YesNo(r.GrantsAction), r.Condition, YesNo(r.ConditionHolds), YesNo(r.Permits),
        }).ToList();
        await TextTable.WriteAsync(output, header, rows);
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
