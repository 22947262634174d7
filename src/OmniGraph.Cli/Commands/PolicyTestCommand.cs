using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Security;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph policy test FILE --cases CASES.yaml [--json]</c> (<c>--tests</c> is the same flag): decides every case of
/// a test file (<c>{version: 1, cases: [{id, actor, action, branch?, target_branch?, expect: allow|deny}]}</c>) with the
/// bundle and prints each outcome. Exit code 0 when every case gets its expected decision, 1 otherwise.
/// </summary>
internal sealed class PolicyTestCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["policy", "test"];

    public Command Build(CliRuntime runtime)
    {
        var file = PolicyFile.Argument();
        var cases = new Option<string>("--cases", "--tests") { Description = "The test cases (YAML)", Required = true, HelpName = "CASES.yaml" };
        var json = CliOptions.Json();
        var command = new Command("test", "Run policy test cases against a bundle; exit 1 on any mismatch") { file, cases, json };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            var evaluator = new PolicyEvaluator(await PolicyFile.ReadAsync(path, cancellationToken));
            var casesPath = parseResult.GetValue(cases)!;
            var parsed = PolicyTestCases.Parse(await CliTextFile.ReadAsync(casesPath, "policy test file", cancellationToken), casesPath);
            var results = PolicyTestCases.Run(evaluator, parsed);
            var passed = results.Count(static r => r.Passed);
            if (parseResult.GetValue(json))
            {
                var outputs = results.Select(static r => new PolicyCaseOutput(
                    r.Case.Id,
                    r.Case.Actor,
                    r.Case.Action.Name(),
                    r.Case.Branch,
                    r.Case.TargetBranch,
                    PolicyFile.Word(r.Case.ExpectAllow),
                    PolicyFile.Word(r.Decision.Allowed),
                    r.Decision.RuleId,
                    r.Passed)).ToList();
                await CliJson.WriteAsync(runtime.Console.Out, new PolicyTestOutput(path, outputs, passed, results.Count - passed));
            }
            else
            {
                foreach (var result in results)
                {
                    await runtime.Console.Out.WriteLineAsync(Line(result));
                }

                await runtime.Console.Out.WriteLineAsync($"{results.Count} cases: {passed} as expected, {results.Count - passed} not");
            }

            return passed == results.Count ? CliExitCodes.Success : CliExitCodes.Error;
        });
        return command;
    }

    private static string Line(PolicyTestResult result)
    {
        var decision = result.Decision.Allowed ? $"allow (rule {result.Decision.RuleId})" : $"deny ({result.Decision.Message})";
        return result.Passed
            ? $"ok    {result.Case.Id}: {decision}"
            : $"FAIL  {result.Case.Id}: expected {PolicyFile.Word(result.Case.ExpectAllow)}, got {decision}";
    }
}
